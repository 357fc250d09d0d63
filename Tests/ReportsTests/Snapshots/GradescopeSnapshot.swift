// Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
// U+241B stands for a raw ESC byte.
extension Snapshots {
    static let gradescope = #"""
{
  "execution_time" : 3.25,
  "output" : "swift-reference: profile 2024 (found `ln_param` in fc_net.py), seed 231, gradecheck 0.4.0\n3 passed, 1 failed, 1 errored, 1 skipped; score 6/11",
  "output_format" : "text",
  "score" : 6,
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
      "max_score" : 0,
      "name" : "optim.adam.trajectory: Adam, 10 steps",
      "number" : "2.1",
      "output" : "Skipped.\nAdam, 10 steps\nprofile 2017 has no bias correction",
      "score" : 0,
      "tags" : [
        "optim"
      ],
      "visibility" : "visible"
    },
    {
      "max_score" : 1,
      "name" : "optim.sgd.step: SGD step",
      "number" : "2.2",
      "output" : "step ok\n",
      "score" : 1,
      "status" : "passed",
      "tags" : [
        "optim"
      ],
      "visibility" : "after_published"
    },
    {
      "max_score" : 3,
      "name" : "solver.overfit.small: Overfits 50 examples",
      "number" : "3.1",
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
