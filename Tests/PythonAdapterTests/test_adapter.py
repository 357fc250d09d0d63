"""Unit tests of the Python adapter (Sources/Adapters/Resources/python/gradecheck_adapter.py):
its transport (frames), its values (arrays, special floats, handles), its relay (the worker that
runs student code never holds the harness's pipes; replies must echo the request's id) and its
loading of a submission (stubs, syntax errors).

Run by Tests/AdaptersTests/PythonAdapterUnitTests.swift, or directly:
    python3 -m unittest discover -s Tests/PythonAdapterTests -v
"""
import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ADAPTER = os.path.join(ROOT, "Sources", "Adapters", "Resources", "python", "gradecheck_adapter.py")
CORRECT = os.path.join(ROOT, "examples", "submissions", "correct")


def load_adapter():
    spec = importlib.util.spec_from_file_location("gradecheck_adapter_under_test", ADAPTER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import numpy
    module.np = numpy
    return module


A = load_adapter()


class Harness(object):
    """Starts the adapter on a submission with the protocol pipes on descriptors 3 and 4."""

    def __init__(self, submission, flags=("-I", "-B"), extra=()):
        req_r, self.req_w = os.pipe()
        self.rep_r, rep_w = os.pipe()
        self.pipe_inodes = set(os.fstat(fd).st_ino for fd in (req_r, rep_w))

        env = dict(os.environ, GRADECHECK_REQUEST_FD=str(req_r), GRADECHECK_REPLY_FD=str(rep_w))
        self.process = subprocess.Popen(
            [sys.executable] + list(flags) + [ADAPTER, "--submission", submission] + list(extra),
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            pass_fds=(req_r, rep_w), env=env)
        os.close(req_r)
        os.close(rep_w)

    def read(self):
        head = os.read(self.rep_r, 4)
        if len(head) < 4:
            return None
        n = struct.unpack(">I", head)[0]
        body = b""
        while len(body) < n:
            chunk = os.read(self.rep_r, n - len(body))
            if not chunk:
                return None
            body += chunk
        return json.loads(body.decode("utf-8"))

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        os.write(self.req_w, struct.pack(">I", len(body)) + body)

    def call(self, mid, operation, arguments):
        self.send({"type": "call", "id": mid, "operation": operation, "arguments": arguments})
        return self.read()

    def close(self):
        try:
            os.close(self.req_w)
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        out, err = self.process.communicate()
        self.process.stdout.close()
        self.process.stderr.close()
        os.close(self.rep_r)
        return out.decode(errors="replace"), err.decode(errors="replace")


def submission_with(change):
    """A temporary copy of the correct example with `change(cs231n_path)` applied."""
    folder = tempfile.mkdtemp(prefix="gradecheck-adapter-test-")
    shutil.copytree(os.path.join(CORRECT, "cs231n"), os.path.join(folder, "cs231n"))
    change(os.path.join(folder, "cs231n"))
    return folder


def append_to(path, text):
    with open(path, "a") as f:
        f.write(text)


class TransportTests(unittest.TestCase):
    def test_frames_round_trip_through_a_pipe(self):
        r, w = os.pipe()
        try:
            body = json.dumps({"type": "result", "id": 7, "results": {}}, separators=(",", ":")).encode()
            self.assertTrue(A._write_frame(w, body))
            self.assertEqual(A._read_frame(r), body)
            os.close(w)
            w = -1
            self.assertIsNone(A._read_frame(r), "end of file is None")
        finally:
            os.close(r)
            if w >= 0:
                os.close(w)

    def test_reply_id_reads_the_leading_id_or_the_whole_message(self):
        self.assertEqual(A._reply_id(b'{"type":"result","id":9007199254740991,"results":{}}'), 9007199254740991)
        self.assertEqual(A._reply_id(b'{"type":"error","id":null,"error":{}}'), None)
        self.assertEqual(A._reply_id(b'{"results": {}, "id": 5, "type": "result"}'), 5)
        self.assertEqual(A._reply_id(b'{"type": "hello"}'), "unreadable")
        self.assertEqual(A._reply_id(b'not json'), "unreadable")


class ValueTests(unittest.TestCase):
    def test_arrays_round_trip_exactly(self):
        np = A.np
        x = np.array([[0.1, -2.5e-300], [np.pi, 1e308]])
        self.assertTrue(np.array_equal(A.decode(A.encode(x)), x))
        ints = np.array([1, -2, 3], dtype=np.int32)
        self.assertEqual(A.decode(A.encode(ints)).dtype, np.int64)

    def test_bad_arrays_are_bad_requests(self):
        with self.assertRaises(A.BadRequest):
            A.decode_array({"dtype": "float64", "shape": [2], "data": "AAAA"})
        with self.assertRaises(A.BadRequest):
            A.decode_array({"dtype": "complex128", "shape": [], "data": ""})
        with self.assertRaises(A.BadRequest):
            A.decode({"$float": "one"})

    def test_fresh_copies_containers_and_arrays_and_shares_handles(self):
        np = A.np
        handle = A.HandleRef(4)
        args = {"x": np.zeros(3), "param": {"mode": "train", "running": np.ones(2), "hist": [[1.5]]},
                "y": [1, 2], "model": handle, "reg": 0.5}
        copy = A.fresh(args)
        copy["x"][0] = 7.0
        copy["param"]["running"][1] = 7.0
        copy["param"]["mode"] = "test"
        copy["param"]["hist"][0].append(2.5)
        copy["y"].append(3)
        self.assertEqual(args["x"][0], 0.0)
        self.assertEqual(args["param"], {"mode": "train", "running": args["param"]["running"], "hist": [[1.5]]})
        self.assertEqual(args["param"]["running"][1], 1.0)
        self.assertEqual(args["y"], [1, 2])
        self.assertIs(copy["model"], handle)
        self.assertEqual(copy["reg"], 0.5)

    def test_model_loss_read_for_its_loss_alone_skips_the_gradients(self):
        np = A.np

        class Model(object):
            params = {"W": np.ones(2)}

            def loss(self, X, y):
                return 1.25, {"W": "not an array"}

        handle = A.store("model", Model())["$handle"]
        args = {"model": A.HandleRef(handle), "X": np.zeros((1, 2)), "y": [0]}
        self.assertEqual(A.op_model_loss(A.Args(dict(args), "loss")), {"loss": 1.25})
        with self.assertRaises(A.BadResult):
            A.op_model_loss(A.Args(dict(args)))

    def test_special_floats_and_handles(self):
        self.assertTrue(A.decode({"$float": "nan"}) != A.decode({"$float": "nan"}))
        self.assertEqual(A.decode({"$float": "-inf"}), float("-inf"))
        self.assertIsInstance(A.decode({"$handle": 3}), A.HandleRef)
        with self.assertRaises(A.BadRequest):
            A.decode({"$handle": True})


class RelayTests(unittest.TestCase):
    def test_a_call_is_answered_with_its_own_id(self):
        h = Harness(os.path.join(CORRECT))
        try:
            hello = h.read()
            self.assertEqual(hello["type"], "hello")
            self.assertIn("affine_forward", hello["operations"])
            x = A.encode(A.np.ones((2, 3)))
            w = A.encode(A.np.ones((3, 4)))
            b = A.encode(A.np.zeros(4))
            reply = h.call(8123456789012345, "affine_forward", {"x": x, "w": w, "b": b})
            self.assertEqual(reply["id"], 8123456789012345)
            self.assertEqual(reply["type"], "result")
            self.assertTrue((A.decode(reply["results"]["out"]) == 3).all())
        finally:
            h.close()

    def test_the_relay_reads_the_id_from_the_head_and_a_malformed_body_is_still_answered_with_it(self):
        h = Harness(os.path.join(CORRECT))
        try:
            h.read()
            body = b'{"type":"call","id":41,"operation":"relu_forward","arguments":{"x": nope}}'
            os.write(h.req_w, struct.pack(">I", len(body)) + body)
            reply = h.read()
            self.assertEqual((reply["type"], reply["id"], reply["error"]["kind"]), ("error", 41, "bad_request"))
            x = A.encode(-A.np.ones(3))
            body = ('{"type":"call","id":42,"operation":"relu_forward","arguments":%s}' % json.dumps({"x": x})).encode()
            os.write(h.req_w, struct.pack(">I", len(body)) + body)
            reply = h.read()
            self.assertEqual((reply["type"], reply["id"]), ("result", 42), "the worker still serves")
            self.assertTrue((A.decode(reply["results"]["out"]) == 0).all())
        finally:
            h.close()

    def test_student_code_holds_none_of_the_harness_pipes(self):
        def spy(cs231n):
            append_to(os.path.join(cs231n, "layers.py"), "\n".join([
                "", "import os as _os, sys as _sys",
                "_inodes = []",
                "for _fd in _os.listdir('/proc/self/fd'):",
                "    try:",
                "        _inodes.append(_os.fstat(int(_fd)).st_ino)",
                "    except OSError:",
                "        pass",
                "_sys.stderr.write('INODES %s\\n' % ' '.join(map(str, _inodes)))", ""]))
        folder = submission_with(spy)
        try:
            h = Harness(folder)
            self.assertEqual(h.read()["type"], "hello")
            _, err = h.close()
            line = [l for l in err.splitlines() if l.startswith("INODES")]
            self.assertTrue(line, err[-2000:])
            seen = set(int(n) for n in line[0].split()[1:])
            self.assertFalse(seen & h.pipe_inodes, "the student's process holds a harness pipe")
        finally:
            shutil.rmtree(folder)

    def test_a_forged_reply_is_stopped_at_the_relay(self):
        def forge(cs231n):
            path = os.path.join(cs231n, "layers.py")
            with open(path) as f:
                text = f.read()
            text = text.replace("    cache = (x, w, b)\n    return out, cache\n", "\n".join([
                "    cache = (x, w, b)",
                "    import json as _j, struct as _s, os as _o",
                "    _main = __import__('sys').modules['__main__']",
                "    _b = _j.dumps({'type': 'result', 'id': 1, 'results': {}}).encode()",
                "    _o.write(_main.S.rep_fd, _s.pack('>I', len(_b)) + _b)",
                "    return out, cache", ""]), 1)
            with open(path, "w") as f:
                f.write(text)
        folder = submission_with(forge)
        try:
            h = Harness(folder)
            self.assertEqual(h.read()["type"], "hello")
            x = A.encode(A.np.ones((2, 3)))
            w = A.encode(A.np.ones((3, 4)))
            b = A.encode(A.np.zeros(4))
            reply = h.call(424242, "affine_forward", {"x": x, "w": w, "b": b})
            self.assertEqual(reply["type"], "error")
            self.assertEqual(reply["id"], 424242)
            self.assertIn("wrote on the adapter's channel", reply["error"]["message"])
            self.assertIsNone(h.read(), "the adapter stops after a forged reply")
            h.close()
        finally:
            shutil.rmtree(folder)

    def test_a_crash_of_the_worker_ends_the_adapter_the_same_way(self):
        def crash(cs231n):
            append_to(os.path.join(cs231n, "layers.py"), "\nimport os as _os, signal as _signal\n_os.kill(_os.getpid(), _signal.SIGSEGV)\n")
        folder = submission_with(crash)
        try:
            h = Harness(folder)
            self.assertIsNone(h.read(), "no hello")
            h.close()
            self.assertEqual(h.process.returncode, -11, "the relay ends with the worker's signal")
        finally:
            shutil.rmtree(folder)


class BatchTests(unittest.TestCase):
    def test_a_dense_point_answers_as_its_entries(self):
        np = A.np
        h = Harness(os.path.join(CORRECT))
        try:
            hello = h.read()
            self.assertIn("dense_points", hello["features"])
            x = np.arange(12.0).reshape(3, 4) / 7
            w, b = np.ones((4, 2)) / 3, np.zeros(2)
            delta = np.random.RandomState(0).randn(3, 4) * 1e-5
            call = {"operation": "affine_forward", "arguments": {"x": A.encode(x), "w": A.encode(w), "b": A.encode(b)}}
            points = [{"indices": [], "deltas": []}, {"delta": A.encode(delta)},
                      {"indices": list(range(12)), "deltas": delta.reshape(-1).tolist()}, {"delta": A.encode(-delta)}]
            reply = h.call(7, "evaluate_batch", {"call": call, "vary": "x", "output": "out", "weights": A.encode(np.ones((3, 2))),
                                                 "points": points, "indices": [], "h": 1e-5})
            values = reply["results"]["values"]
            self.assertEqual(values[0], 0.0)
            self.assertEqual(values[1], values[2], "{delta} and {indices, deltas} are the same point")
            self.assertAlmostEqual(values[1], (delta @ w).sum(), delta=1e-12)
            self.assertAlmostEqual(values[3], -values[1], delta=1e-12)
            bad = h.call(8, "evaluate_batch", {"call": call, "vary": "x", "output": "out", "weights": None,
                                               "points": [{"delta": A.encode(np.ones(5))}], "indices": [], "h": 1e-5})
            self.assertEqual(bad["type"], "error")
            self.assertEqual(bad["error"]["kind"], "bad_request")
        finally:
            h.close()


class LoadingTests(unittest.TestCase):
    def test_without_site_the_probed_path_finds_numpy_and_the_builtins_are_there(self):
        def uses_exit(cs231n):
            append_to(os.path.join(cs231n, "optim.py"), "\nassert callable(exit) and callable(quit)\n")
        folder = submission_with(uses_exit)
        try:
            h = Harness(folder, flags=("-I", "-B", "-S"), extra=("--sys-path", json.dumps([p for p in sys.path if p])))
            hello = h.read()
            h.close()
            self.assertNotIn("fatal", hello)
            self.assertIn("update", hello["operations"], "optim.py imports: exit and quit exist without site")
            self.assertIn("numpy", hello["implementation"]["language"])
        finally:
            shutil.rmtree(folder)

    def test_only_sources_that_name_python2_words_are_rewritten(self):
        words = A._PY2_WORDS
        for text in (b"for i in xrange(3): pass", b"d.iteritems()", b"if d.has_key(k): pass", b"n = long(x)"):
            self.assertTrue(words.search(text), text)
        for text in (b"for i in range(3): pass", b"d.items()", b"xranges = 1", b"prolong = 2"):
            self.assertFalse(words.search(text), text)


    def test_a_syntax_error_makes_its_operations_unavailable(self):
        def python2(cs231n):
            append_to(os.path.join(cs231n, "optim.py"), "\nprint 'done'\n")
        folder = submission_with(python2)
        try:
            h = Harness(folder)
            hello = h.read()
            h.close()
            self.assertNotIn("update", hello["operations"])
            self.assertIn("update", hello["unavailable"])
            self.assertIn("affine_forward", hello["operations"], "the other files still load")
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    unittest.main()
