// Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
// U+241B stands for a raw ESC byte.
extension Snapshots {
    static let terminalPlain = #"""
PASS   layers.affine.forward     2/2
FAIL   layers.relu.backward      0/2
ERROR  layers.batchnorm.forward  0/3
SKIP   optim.adam.trajectory     -
PASS   optim.sgd.step            1/1
PASS   solver.overfit.small      3/3

FAIL   layers.relu.backward: ReLU backward pass
    dx differs at [3, 1]: expected 0.5, got 0 (relative error 1 > 1e-9)
    likely cause: the gradient is passed where x <= 0
    tolerance: relative error <= 1e-9
    output:
        debug: x.shape = (4, 5)
        \u{1B}[31mwarning\u{1B}[0m <b>bold & "quoted"</b>

ERROR  layers.batchnorm.forward: Batch normalization, train mode
    the implementation crashed: signal 11 (SIGSEGV)
    output:
        Traceback: ]]> | pipe | `tick` ```fence```
        bell\u{07}nul\u{00}end

3 passed, 1 failed, 1 errored, 1 skipped; score 6/11

"""#
}
