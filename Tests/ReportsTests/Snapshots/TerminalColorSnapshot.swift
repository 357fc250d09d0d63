// Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
// U+241B stands for a raw ESC byte.
extension Snapshots {
    static let terminalColor = #"""
␛[32mPASS   ␛[0m  layers.affine.forward     2/2
␛[31mFAIL   ␛[0m  layers.relu.backward      0/2
␛[33mERROR  ␛[0m  layers.batchnorm.forward  0/3
␛[92mWARN   ␛[0m  layers.relu.forward       1/1
␛[90mN/A    ␛[0m  optim.adam.trajectory     -    profile 2017 has no bias correction
␛[35mMISSING␛[0m  optim.adam.step           0/2  cs231n/optim.py:26: SyntaxError (Python 2 print statement)
␛[35mMISSING␛[0m  optim.rmsprop.step        0/2  rmsprop is still the starter's stub (it returns None)
␛[32mPASS   ␛[0m  optim.sgd.step            1/1
␛[36mGIVEN  ␛[0m  losses.softmax.value      0/0  provided by the course (the 2016 starter ships softmax_loss finished)
␛[32mPASS   ␛[0m  solver.overfit.small      3/3

␛[31mFAIL   ␛[0m  layers.relu.backward: ReLU backward pass
    dx differs at [3, 1]: expected 0.5, got 0 (relative error 1 > 1e-9)
    likely cause: the gradient is passed where x <= 0
    tolerance: relative error <= 1e-9
    output:
        debug: x.shape = (4, 5)
        \u{1B}[31mwarning\u{1B}[0m <b>bold & "quoted"</b>

␛[33mERROR  ␛[0m  layers.batchnorm.forward: Batch normalization, train mode
    the implementation crashed: signal 11 (SIGSEGV)
    output:
        Traceback: ]]> | pipe | `tick` ```fence```
        bell\u{07}nul\u{00}end

␛[92mWARN   ␛[0m  layers.relu.forward: ReLU forward pass
    warning: out has shape (1, 5) where the course's docstring says (5,) <ok>
    tolerance: relative error <= 1e-6

␛[32m3 passed␛[0m, ␛[92m1 passed with warnings␛[0m, ␛[31m1 failed␛[0m, ␛[33m1 errored␛[0m, ␛[35m2 missing␛[0m, ␛[36m1 provided␛[0m, ␛[90m1 not applicable␛[0m; score 7/16

"""#
}
