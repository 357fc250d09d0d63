// Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
// U+241B stands for a raw ESC byte.
extension Snapshots {
    static let markdown = #"""
## gradecheck: swift-reference scored 6/11

swift-reference: profile 2024 (found \`ln\_param\` in fc\_net.py), seed 231, gradecheck 0.4.0

| Group | Passed | Failed | Errored | Skipped | Points |
| :-- | --: | --: | --: | --: | --: |
| layers | 1 | 1 | 1 | 0 | 2/7 |
| optim | 1 | 0 | 0 | 1 | 1/1 |
| solver | 1 | 0 | 0 | 0 | 3/3 |
| **Total** | 3 | 1 | 1 | 1 | 6/11 |

### Failed and errored checks

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

### Skipped checks

- optim.adam.trajectory: profile 2017 has no bias correction

"""#
}
