// Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
// U+241B stands for a raw ESC byte.
extension Snapshots {
    static let gradescope = #"""
{
  "execution_time" : 3.25,
  "extra_data" : {
    "isolation" : "",
    "notes" : [

    ],
    "profile" : "2024",
    "profile_reason" : "found `ln_param` in fc_net.py",
    "seed" : 231,
    "strict" : false,
    "tool_version" : "0.4.0",
    "warnings" : [
      {
        "check" : "layers.relu.forward",
        "warning" : "out has shape (1, 5) where the course's docstring says (5,) <ok>"
      }
    ]
  },
  "output" : "**Score 7/16**: 3 passed, 1 passed with warnings, 1 failed, 1 errored, 2 missing, 1 provided, 1 not applicable\n\nGraded swift-reference: profile 2024 (found \\`ln\\_param\\` in fc\\_net.py), seed 231, gradecheck 0.4.0\n\n1 test is hidden until your course staff publish the grades; until then Gradescope does not show the total.\n",
  "output_format" : "md",
  "score" : 7,
  "stdout_visibility" : "hidden",
  "test_output_format" : "md",
  "tests" : [
    {
      "extra_data" : {
        "check" : "layers.affine.forward",
        "outcome" : "passed"
      },
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
      "extra_data" : {
        "check" : "layers.relu.backward",
        "outcome" : "failed"
      },
      "max_score" : 2,
      "name" : "layers.relu.backward: ReLU backward pass",
      "number" : "1.2",
      "output" : "**Wrong answer.**\n\nReLU backward pass\n\n```text\ndx differs at [3, 1]: expected 0.5, got 0 (relative error 1 > 1e-9)\nlikely cause: the gradient is passed where x <= 0\n```\n\nTolerance: relative error \\<= 1e-9\n\nPrinted while the check ran:\n\n```text\ndebug: x.shape = (4, 5)\n\\u{1B}[31mwarning\\u{1B}[0m <b>bold & \"quoted\"</b>\n```\n",
      "score" : 0,
      "status" : "failed",
      "tags" : [
        "layers"
      ],
      "visibility" : "visible"
    },
    {
      "extra_data" : {
        "check" : "layers.batchnorm.forward",
        "outcome" : "errored"
      },
      "max_score" : 3,
      "name" : "layers.batchnorm.forward: Batch normalization, train mode",
      "number" : "1.3",
      "output" : "**Error: the implementation crashed, timed out or replied with something malformed.**\n\nBatch normalization, train mode\n\n```text\nthe implementation crashed: signal 11 (SIGSEGV)\n```\n\nPrinted while the check ran:\n\n````text\nTraceback: ]]> | pipe | `tick` ```fence```\nbell\\u{07}nul\\u{00}end\n````\n",
      "score" : 0,
      "status" : "failed",
      "tags" : [
        "layers"
      ],
      "visibility" : "visible"
    },
    {
      "extra_data" : {
        "check" : "layers.relu.forward",
        "outcome" : "warned"
      },
      "max_score" : 1,
      "name" : "layers.relu.forward: ReLU forward pass",
      "number" : "1.4",
      "output" : "**Passed with warnings (the course accepts this; it differs from the reference).**\n\nReLU forward pass\n\n- out has shape (1, 5) where the course's docstring says (5,) \\<ok\\>\n\nTolerance: relative error \\<= 1e-6\n",
      "score" : 1,
      "status" : "passed",
      "tags" : [
        "layers"
      ],
      "visibility" : "visible"
    },
    {
      "extra_data" : {
        "check" : "optim.adam.step",
        "outcome" : "missing"
      },
      "max_score" : 2,
      "name" : "optim.adam.step: Adam, one step",
      "number" : "2.1",
      "output" : "**Missing: the file that holds it does not import.**\n\nAdam, one step\n\n```text\ncs231n/optim.py:26: SyntaxError (Python 2 print statement)\n```\n",
      "score" : 0,
      "status" : "failed",
      "tags" : [
        "optim"
      ],
      "visibility" : "visible"
    },
    {
      "extra_data" : {
        "check" : "optim.rmsprop.step",
        "outcome" : "missing"
      },
      "max_score" : 2,
      "name" : "optim.rmsprop.step: RMSProp, one step",
      "number" : "2.2",
      "output" : "**Missing: not implemented.**\n\nRMSProp, one step\n\n```text\nrmsprop is still the starter's stub (it returns None)\n```\n",
      "score" : 0,
      "status" : "failed",
      "tags" : [
        "optim"
      ],
      "visibility" : "visible"
    },
    {
      "extra_data" : {
        "check" : "optim.sgd.step",
        "outcome" : "passed"
      },
      "max_score" : 1,
      "name" : "optim.sgd.step: SGD step",
      "number" : "2.3",
      "output" : "Printed while the check ran:\n\n```text\nstep ok\n```\n",
      "score" : 1,
      "status" : "passed",
      "tags" : [
        "optim"
      ],
      "visibility" : "after_published"
    },
    {
      "extra_data" : {
        "check" : "losses.softmax.value",
        "outcome" : "provided"
      },
      "max_score" : 0,
      "name" : "losses.softmax.value: softmax loss",
      "number" : "3.1",
      "output" : "**Provided by the course (no points).**\n\nsoftmax loss\n\n```text\nprovided by the course (the 2016 starter ships softmax_loss finished)\n```\n",
      "score" : 0,
      "status" : "passed",
      "tags" : [
        "losses"
      ],
      "visibility" : "visible"
    },
    {
      "extra_data" : {
        "check" : "solver.overfit.small",
        "outcome" : "passed"
      },
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
