// Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
// U+241B stands for a raw ESC byte.
extension Snapshots {
    static let gradescope = #"""
{
  "execution_time" : 3.25,
  "output" : "swift-reference: profile 2024 (found `ln_param` in fc_net.py), seed 231, gradecheck 0.4.0\n3 passed, 1 passed with warnings, 1 failed, 1 errored, 2 missing, 1 provided, 1 not applicable; score 7/16",
  "output_format" : "text",
  "score" : 7,
  "stdout_visibility" : "hidden",
  "test_output_format" : "ansi",
  "tests" : [
    {
      "max_score" : 2,
      "name" : "layers.affine.forward: Affine forward pass",
      "number" : "1.1",
      "output" : "",
      "score" : 2,
      "status" : "passed",
      "tags" : [
        "layers"
      ],
      "visibility" : "visible"
    },
    {
      "max_score" : 2,
      "name" : "layers.relu.backward: ReLU backward pass",
      "number" : "1.2",
      "output" : "Wrong answer.\nReLU backward pass\ndx differs at [3, 1]: expected 0.5, got 0 (relative error 1 > 1e-9)\nlikely cause: the gradient is passed where x <= 0\ntolerance: relative error <= 1e-9\n--- output ---\ndebug: x.shape = (4, 5)\n\u001b[31mwarning\u001b[0m <b>bold & \"quoted\"</b>\n",
      "score" : 0,
      "status" : "failed",
      "tags" : [
        "layers"
      ],
      "visibility" : "visible"
    },
    {
      "max_score" : 3,
      "name" : "layers.batchnorm.forward: Batch normalization, train mode",
      "number" : "1.3",
      "output" : "Error: the implementation crashed, timed out or replied with something malformed.\nBatch normalization, train mode\nthe implementation crashed: signal 11 (SIGSEGV)\n--- output ---\nTraceback: ]]> | pipe | `tick` ```fence```\nbell\\u{07}nul\\u{00}end",
      "score" : 0,
      "status" : "failed",
      "tags" : [
        "layers"
      ],
      "visibility" : "visible"
    },
    {
      "max_score" : 1,
      "name" : "layers.relu.forward: ReLU forward pass",
      "number" : "1.4",
      "output" : "Passed with warnings (the course accepts this; it differs from the reference).\nReLU forward pass\nwarning: out has shape (1, 5) where the course's docstring says (5,) <ok>\ntolerance: relative error <= 1e-6",
      "score" : 1,
      "status" : "passed",
      "tags" : [
        "layers"
      ],
      "visibility" : "visible"
    },
    {
      "max_score" : 2,
      "name" : "optim.adam.step: Adam, one step",
      "number" : "2.1",
      "output" : "Missing: the file that holds it does not import.\nAdam, one step\ncs231n/optim.py:26: SyntaxError (Python 2 print statement)",
      "score" : 0,
      "status" : "failed",
      "tags" : [
        "optim"
      ],
      "visibility" : "visible"
    },
    {
      "max_score" : 2,
      "name" : "optim.rmsprop.step: RMSProp, one step",
      "number" : "2.2",
      "output" : "Missing: not implemented.\nRMSProp, one step\nrmsprop is still the starter's stub (it returns None)",
      "score" : 0,
      "status" : "failed",
      "tags" : [
        "optim"
      ],
      "visibility" : "visible"
    },
    {
      "max_score" : 1,
      "name" : "optim.sgd.step: SGD step",
      "number" : "2.3",
      "output" : "step ok\n",
      "score" : 1,
      "status" : "passed",
      "tags" : [
        "optim"
      ],
      "visibility" : "after_published"
    },
    {
      "max_score" : 0,
      "name" : "losses.softmax.value: softmax loss",
      "number" : "3.1",
      "output" : "Provided by the course (no points).\nsoftmax loss\nprovided by the course (the 2016 starter ships softmax_loss finished)",
      "score" : 0,
      "status" : "passed",
      "tags" : [
        "losses"
      ],
      "visibility" : "visible"
    },
    {
      "max_score" : 3,
      "name" : "solver.overfit.small: Overfits 50 examples",
      "number" : "4.1",
      "output" : "",
      "score" : 3,
      "status" : "passed",
      "tags" : [
        "solver"
      ],
      "visibility" : "visible"
    }
  ],
  "visibility" : "visible"
}

"""#
}
