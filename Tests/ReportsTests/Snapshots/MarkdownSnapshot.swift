// Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
// U+241B stands for a raw ESC byte.
extension Snapshots {
    static let markdown = #"""
## gradecheck: swift-reference scored 7/16

swift-reference: profile 2024 (found \`ln\_param\` in fc\_net.py), seed 231, gradecheck 0.4.0

3 passed, 1 passed with warnings, 1 failed, 1 errored, 2 missing, 1 provided, 1 not applicable

| Group | Passed | Warned | Failed | Errored | Missing | Provided | N/A | Points |
| :-- | --: | --: | --: | --: | --: | --: | --: | --: |
| layers | 1 | 1 | 1 | 1 | 0 | 0 | 0 | 3/8 |
| optim | 1 | 0 | 0 | 0 | 2 | 0 | 1 | 1/5 |
| losses | 0 | 0 | 0 | 0 | 0 | 1 | 0 | 0/0 |
| solver | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 3/3 |
| **Total** | 3 | 1 | 1 | 1 | 2 | 1 | 1 | 7/16 |

### Failed, errored and missing checks

<details>
<summary>FAIL <code>layers.relu.backward</code>: ReLU backward pass (0/2)</summary>

```text
dx differs at [3, 1]: expected 0.5, got 0 (relative error 1 > 1e-9)
likely cause: the gradient is passed where x <= 0
tolerance: relative error <= 1e-9
--- output ---
debug: x.shape = (4, 5)
\u{1B}[31mwarning\u{1B}[0m <b>bold & "quoted"</b>
```

</details>

<details>
<summary>ERROR <code>layers.batchnorm.forward</code>: Batch normalization, train mode (0/3)</summary>

````text
the implementation crashed: signal 11 (SIGSEGV)
--- output ---
Traceback: ]]> | pipe | `tick` ```fence```
bell\u{07}nul\u{00}end
````

</details>

<details>
<summary>MISSING <code>optim.adam.step</code>: Adam, one step (0/2)</summary>

```text
cs231n/optim.py:26: SyntaxError (Python 2 print statement)
```

</details>

<details>
<summary>MISSING <code>optim.rmsprop.step</code>: RMSProp, one step (0/2)</summary>

```text
rmsprop is still the starter's stub (it returns None)
```

</details>

### Passed with warnings

- layers.relu.forward
  - out has shape (1, 5) where the course's docstring says (5,) \<ok\>

### Provided by the course (no points)

- losses.softmax.value: provided by the course (the 2016 starter ships softmax\_loss finished)

### Not applicable

- optim.adam.trajectory: profile 2017 has no bias correction

"""#
}
