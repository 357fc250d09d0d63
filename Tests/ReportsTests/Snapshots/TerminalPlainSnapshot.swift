// Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
// U+241B stands for a raw ESC byte.
extension Snapshots {
    static let terminalPlain = #"""
PASS     layers.affine.forward     2/2
FAIL     layers.relu.backward      0/2
ERROR    layers.batchnorm.forward  0/3
WARN     layers.relu.forward       1/1
N/A      optim.adam.trajectory     -    profile 2017 has no bias correction
MISSING  optim.adam.step           0/2  cs231n/optim.py:26: SyntaxError (Python 2 print statement)
MISSING  optim.rmsprop.step        0/2  rmsprop is still the starter's stub (it returns None)
PASS     optim.sgd.step            1/1
GIVEN    losses.softmax.value      0/0  provided by the course (the 2016 starter ships softmax_loss finished)
PASS     solver.overfit.small      3/3

FAIL     layers.relu.backward: ReLU backward pass
    dx differs at [3, 1]: expected 0.5, got 0 (relative error 1 > 1e-9)
    likely cause: the gradient is passed where x <= 0
    tolerance: relative error <= 1e-9
    output:
        debug: x.shape = (4, 5)
        \u{1B}[31mwarning\u{1B}[0m <b>bold & "quoted"</b>

ERROR    layers.batchnorm.forward: Batch normalization, train mode
    the implementation crashed: signal 11 (SIGSEGV)
    output:
        Traceback: ]]> | pipe | `tick` ```fence```
        bell\u{07}nul\u{00}end

WARN     layers.relu.forward: ReLU forward pass
    warning: out has shape (1, 5) where the course's docstring says (5,) <ok>
    tolerance: relative error <= 1e-6

3 passed, 1 passed with warnings, 1 failed, 1 errored, 2 missing, 1 provided, 1 not applicable; score 7/16

"""#
}
