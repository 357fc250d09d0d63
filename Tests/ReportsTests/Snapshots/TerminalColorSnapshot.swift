// Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
// U+241B stands for a raw ESC byte.
extension Snapshots {
    static let terminalColor = #"""
␛[32mPASS ␛[0m  layers.affine.forward     2/2
␛[31mFAIL ␛[0m  layers.relu.backward      0/2
␛[33mERROR␛[0m  layers.batchnorm.forward  0/3
␛[90mSKIP ␛[0m  optim.adam.trajectory     -
␛[32mPASS ␛[0m  optim.sgd.step            1/1
␛[32mPASS ␛[0m  solver.overfit.small      3/3

␛[31mFAIL ␛[0m  layers.relu.backward: ReLU backward pass
    dx differs at [3, 1]: expected 0.5, got 0 (relative error 1 > 1e-9)
    likely cause: the gradient is passed where x <= 0
    tolerance: relative error <= 1e-9
    output:
        debug: x.shape = (4, 5)
        \u{1B}[31mwarning\u{1B}[0m <b>bold & "quoted"</b>

␛[33mERROR␛[0m  layers.batchnorm.forward: Batch normalization, train mode
    the implementation crashed: signal 11 (SIGSEGV)
    output:
        Traceback: ]]> | pipe | `tick` ```fence```
        bell\u{07}nul\u{00}end

␛[32m3 passed␛[0m, ␛[31m1 failed␛[0m, ␛[33m1 errored␛[0m, ␛[90m1 skipped␛[0m; score 6/11

"""#
}
