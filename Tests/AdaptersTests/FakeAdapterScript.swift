/// A fake adapter in Python (standard library only) that speaks the protocol and misbehaves on
/// request: each test picks a behaviour by the operation it calls, or by `FAKE_MODE` for what
/// happens before the first request.
enum FakeAdapterScript {
    static let source = #"""
import base64, json, os, signal, struct, subprocess, sys, time

REQUEST_FD = int(os.environ["GRADECHECK_REQUEST_FD"])
REPLY_FD = int(os.environ["GRADECHECK_REPLY_FD"])
MODE = os.environ.get("FAKE_MODE", "normal")


def read_exact(n):
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(REQUEST_FD, n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def read_message():
    head = read_exact(4)
    if head is None:
        return None
    body = read_exact(struct.unpack(">I", head)[0])
    return None if body is None else json.loads(body.decode("utf-8"))


def write_all(data):
    view = memoryview(data)
    while view:
        view = view[os.write(REPLY_FD, view):]


def send_bytes(body):
    write_all(struct.pack(">I", len(body)) + body)


def send(message):
    send_bytes(json.dumps(message).encode("utf-8"))


def array(dtype, shape, values):
    code = {"float64": "d", "float32": "f", "int64": "q", "int32": "i", "uint8": "B", "bool": "?"}[dtype]
    data = struct.pack("<%d%s" % (len(values), code), *values)
    return {"$array": {"dtype": dtype, "shape": list(shape), "data": base64.b64encode(data).decode("ascii")}}


if MODE == "exit_before_hello":
    print("Traceback (most recent call last):\nImportError: No module named 'numpy'", file=sys.stderr, flush=True)
    sys.exit(3)
if MODE == "silent":
    with open("pid", "w") as f:
        f.write(str(os.getpid()))
    time.sleep(1000)

send({
    "type": "hello",
    "protocol": os.environ.get("FAKE_PROTOCOL", "gradecheck-implementation"),
    "version": int(os.environ.get("FAKE_VERSION", "2")),
    "implementation": {"name": "fake-submission", "language": "python %d.%d" % sys.version_info[:2]},
    "unavailable": {"svm_loss": {"kind": "not_implemented", "reason": "stub"}, "update": {"kind": "does_not_import", "file": "cs231n/optim.py", "line": 12, "reason": "SyntaxError: invalid syntax"}},
    "evidence": {"fully_connected_net_arguments": ["dropout", "normalization"]},
    "operations": ["affine_forward", "relu_forward", "evaluate_batch", "echo"],
    "problems": [
        {"operation": "svm_loss", "reason": "not implemented (raises NotImplementedError)"},
        {"file": "cs231n/optim.py", "line": 12, "reason": "SyntaxError: invalid syntax"},
    ],
})
if MODE == "noread":
    time.sleep(1000)

objects = {}
calls_seen = 0
while True:
    message = read_message()
    if message is None or message["type"] == "shutdown":
        sys.exit(0)
    op, args, rid = message["operation"], message["arguments"], message["id"]
    calls_seen += 1

    def reply(results):
        send({"type": "result", "id": rid, "results": results})

    def error(kind, **fields):
        fields["kind"] = kind
        send({"type": "error", "id": rid, "error": fields})

    if op == "echo":
        reply(args)
    elif op == "affine_forward":
        reply({"out": args["x"], "cache": {"$handle": 7}})
    elif op == "calls":
        reply({"before": calls_seen - 1, "pid": os.getpid(), "pgid": os.getpgrp(), "stdin": os.readlink("/proc/self/fd/0")})
    elif op == "arrays":
        reply({
            "f32": array("float32", [2, 2], [1.5, -2.25, 3.0e38, float("inf")]),
            "i64": array("int64", [3], [-(2 ** 40), 0, 2 ** 53]),
            "i32": array("int32", [2], [-7, 2147483647]),
            "u8": array("uint8", [3], [0, 128, 255]),
            "bool": array("bool", [2, 1], [True, False]),
            "special": array("float64", [5], [float("nan"), float("inf"), float("-inf"), -0.0, 5e-324]),
            "scalar": array("float64", [], [2.5]),
            "empty": array("float64", [0, 3], []),
            "labels": [3, 1, 4],
            "nan_token": float("nan"),
            "floats": [1.0, 1e-05, -0.0, 1e300],
        })
    elif op == "big":
        n = args["n"]
        data = struct.pack("<%dd" % n, *[i * 0.5 for i in range(n)])
        reply({"big": {"$array": {"dtype": "float64", "shape": [n], "data": base64.b64encode(data).decode("ascii")}}})
    elif op == "make_handle":
        key = len(objects) + 1
        objects[key] = args["value"]
        reply({"h": {"$handle": key}})
    elif op == "use_handle":
        key = args["h"]["$handle"]
        if key in objects:
            reply({"value": objects[key]})
        else:
            error("raised", type="KeyError", message=str(key), location="adapter.py:1")
    elif op == "garbage":
        write_all(b"garbage that is no frame")
    elif op == "bad_json":
        send_bytes(b"{this is not json")
    elif op == "wrong_id":
        send({"type": "result", "id": rid + 1000, "results": {}})
    elif op == "bad_array":
        reply({"x": {"$array": {"dtype": "float64", "shape": [3], "data": "AAAA"}}})
    elif op == "half_frame":
        write_all(struct.pack(">I", 1000) + b'{"type": "')
        os._exit(0)
    elif op == "sleep":
        time.sleep(1000)
    elif op == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif op == "exit":
        os._exit(args.get("status", 7))
    elif op == "close_reply":
        os.close(REPLY_FD)
        time.sleep(1000)
    elif op == "flood":
        line = "x" * 99 + "\n"
        sys.stdout.write("FIRST LINE\n")
        for _ in range(100000):
            sys.stdout.write(line)
        sys.stdout.write("LAST LINE\n")
        sys.stdout.flush()
        reply({"done": True})
    elif op == "print":
        print(args["text"], flush=True)
        print("err:" + args["text"], file=sys.stderr, flush=True)
        reply({})
    elif op == "grandchild":
        child = subprocess.Popen(["sleep", "1000"], stdout=subprocess.DEVNULL)
        reply({"pid": child.pid})
    elif op == "raise":
        error("raised", type="ValueError", message="shapes (2,120) and (60,3) not aligned",
              location="cs231n/layers.py:27", traceback="Traceback (most recent call last):\n  File \"cs231n/layers.py\", line 27\nValueError: shapes")
    elif op in ("not_implemented", "bad_result", "bad_request", "mystery"):
        error(op, message="details of " + op)
    elif op == "fds":
        fds = []
        for name in os.listdir("/proc/self/fd"):
            try:
                os.fstat(int(name))
                fds.append(int(name))
            except OSError:
                pass
        reply({"fds": sorted(fds)})
    elif op == "env":
        reply({"env": dict(os.environ)})
    elif op == "cwd":
        reply({"cwd": os.getcwd()})
    else:
        error("not_implemented", message="no operation " + op)
"""#
}
