// Recorded by the snapshot tests (GRADECHECK_RECORD_SNAPSHOTS=1); do not edit by hand.
// U+241B stands for a raw ESC byte.
extension Snapshots {
    static let junit = #"""
<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="layers" package="gradecheck" id="0" timestamp="2026-01-01T09:30:45" hostname="ci-runner" tests="4" failures="1" errors="1" skipped="0" time="1.558">
    <properties>
      <property name="implementation" value="swift-reference"/>
      <property name="profile" value="2024"/>
      <property name="profile.reason" value="found `ln_param` in fc_net.py"/>
      <property name="seed" value="231"/>
      <property name="tool.version" value="0.4.0"/>
      <property name="tolerance.layers.affine.forward" value="relative error &lt;= 1e-9"/>
      <property name="tolerance.layers.relu.backward" value="relative error &lt;= 1e-9"/>
      <property name="tolerance.layers.relu.forward" value="relative error &lt;= 1e-6"/>
      <property name="verdict.layers.affine.forward" value="passed"/>
      <property name="verdict.layers.relu.backward" value="failed"/>
      <property name="verdict.layers.batchnorm.forward" value="errored"/>
      <property name="verdict.layers.relu.forward" value="passed with warnings"/>
      <property name="warning.layers.relu.forward" value="out has shape (1, 5) where the course&apos;s docstring says (5,) &lt;ok&gt;"/>
    </properties>
    <testcase name="layers.affine.forward" classname="gradecheck.layers" time="0.012"/>
    <testcase name="layers.relu.backward" classname="gradecheck.layers" time="0.046">
      <failure type="WrongAnswer" message="dx differs at [3, 1]: expected 0.5, got 0 (relative error 1 &gt; 1e-9)&#10;likely cause: the gradient is passed where x &lt;= 0">ReLU backward pass
dx differs at [3, 1]: expected 0.5, got 0 (relative error 1 &gt; 1e-9)
likely cause: the gradient is passed where x &lt;= 0
tolerance: relative error &lt;= 1e-9
--- output ---
debug: x.shape = (4, 5)
\u{1B}[31mwarning\u{1B}[0m &lt;b&gt;bold &amp; "quoted"&lt;/b&gt;
</failure>
    </testcase>
    <testcase name="layers.batchnorm.forward" classname="gradecheck.layers" time="1.500">
      <error type="ImplementationError" message="the implementation crashed: signal 11 (SIGSEGV)">Batch normalization, train mode
the implementation crashed: signal 11 (SIGSEGV)
--- output ---
Traceback: ]]&gt; | pipe | `tick` ```fence```&#13;
bell\u{07}nul\u{00}end</error>
    </testcase>
    <testcase name="layers.relu.forward" classname="gradecheck.layers" time="0.000"/>
    <system-out>[layers.relu.forward]
warning: out has shape (1, 5) where the course's docstring says (5,) &lt;ok&gt;
</system-out>
    <system-err></system-err>
  </testsuite>
  <testsuite name="optim" package="gradecheck" id="1" timestamp="2026-01-01T09:30:45" hostname="ci-runner" tests="4" failures="1" errors="1" skipped="1" time="0.001">
    <properties>
      <property name="implementation" value="swift-reference"/>
      <property name="profile" value="2024"/>
      <property name="profile.reason" value="found `ln_param` in fc_net.py"/>
      <property name="seed" value="231"/>
      <property name="tool.version" value="0.4.0"/>
      <property name="tolerance.optim.sgd.step" value="relative error &lt;= 1e-12"/>
      <property name="verdict.optim.adam.trajectory" value="not applicable"/>
      <property name="verdict.optim.adam.step" value="missing"/>
      <property name="verdict.optim.rmsprop.step" value="missing"/>
      <property name="verdict.optim.sgd.step" value="passed"/>
    </properties>
    <testcase name="optim.adam.trajectory" classname="gradecheck.optim" time="0.000">
      <skipped message="profile 2017 has no bias correction"/>
    </testcase>
    <testcase name="optim.adam.step" classname="gradecheck.optim" time="0.000">
      <error type="DoesNotImport" message="cs231n/optim.py:26: SyntaxError (Python 2 print statement)">Adam, one step
cs231n/optim.py:26: SyntaxError (Python 2 print statement)</error>
    </testcase>
    <testcase name="optim.rmsprop.step" classname="gradecheck.optim" time="0.000">
      <failure type="NotImplemented" message="rmsprop is still the starter&apos;s stub (it returns None)">RMSProp, one step
rmsprop is still the starter's stub (it returns None)</failure>
    </testcase>
    <testcase name="optim.sgd.step" classname="gradecheck.optim" time="0.001"/>
    <system-out>[optim.sgd.step]
step ok
</system-out>
    <system-err></system-err>
  </testsuite>
  <testsuite name="losses" package="gradecheck" id="2" timestamp="2026-01-01T09:30:45" hostname="ci-runner" tests="1" failures="0" errors="0" skipped="0" time="0.000">
    <properties>
      <property name="implementation" value="swift-reference"/>
      <property name="profile" value="2024"/>
      <property name="profile.reason" value="found `ln_param` in fc_net.py"/>
      <property name="seed" value="231"/>
      <property name="tool.version" value="0.4.0"/>
      <property name="verdict.losses.softmax.value" value="provided"/>
      <property name="provided.losses.softmax.value" value="provided by the course"/>
    </properties>
    <testcase name="losses.softmax.value" classname="gradecheck.losses" time="0.000"/>
    <system-out>[losses.softmax.value]
provided by the course
</system-out>
    <system-err></system-err>
  </testsuite>
  <testsuite name="solver" package="gradecheck" id="3" timestamp="2026-01-01T09:30:45" hostname="ci-runner" tests="1" failures="0" errors="0" skipped="0" time="12345.679">
    <properties>
      <property name="implementation" value="swift-reference"/>
      <property name="profile" value="2024"/>
      <property name="profile.reason" value="found `ln_param` in fc_net.py"/>
      <property name="seed" value="231"/>
      <property name="tool.version" value="0.4.0"/>
      <property name="verdict.solver.overfit.small" value="passed"/>
    </properties>
    <testcase name="solver.overfit.small" classname="gradecheck.solver" time="12345.679"/>
    <system-out></system-out>
    <system-err></system-err>
  </testsuite>
</testsuites>

"""#
}
