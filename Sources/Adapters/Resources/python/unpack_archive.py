"""Unpacks one student's archive (.zip, .tar.gz, .tgz, .tar) into a new folder, safely.

    python3 -I -B unpack_archive.py ARCHIVE DEST MAX_BYTES MAX_ENTRIES MAX_DEPTH

Only regular files and folders are written: absolute names, `..`, links, devices and FIFOs are
left out and listed; `__MACOSX/` and AppleDouble `._*` files are skipped. The caps (bytes written
in all, entries, folder depth) are those of the grader's safe copy: going past one stops the
unpacking with exit status 3 and one line on stderr saying which; an archive that cannot be read
is exit status 2. Written bytes are counted as they are written, so a member that lies about
its size cannot fill the disk. Prints one JSON object: files, bytes, notes.
"""
import json
import os
import stat
import sys
import tarfile
import zipfile


class CapExceeded(Exception):
    pass


def safe_parts(name):
    """The path's components, or None when it could leave the destination."""
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if any(p == ".." for p in parts):
        return None
    return parts


def main():
    archive, dest = sys.argv[1], sys.argv[2]
    max_bytes, max_entries, max_depth = (int(a) for a in sys.argv[3:6])
    os.makedirs(dest)
    state = {"files": 0, "bytes": 0, "entries": 0, "notes": []}

    def admit(name, is_folder):
        parts = safe_parts(name)
        if parts is None:
            state["notes"].append("%s: a path outside the archive's folder (not unpacked)" % name)
            return None
        if not parts or parts[0] == "__MACOSX" or parts[-1].startswith("._"):
            return None
        state["entries"] += 1
        if state["entries"] > max_entries:
            raise CapExceeded("more than %d entries" % max_entries)
        if len(parts) > max_depth:
            raise CapExceeded("folders nested more than %d deep" % max_depth)
        path = os.path.join(dest, *parts)
        os.makedirs(path if is_folder else os.path.dirname(path), exist_ok=True)
        return path

    def write(path, source):
        with open(path, "xb") as out:
            while True:
                chunk = source.read(1 << 16)
                if not chunk:
                    break
                state["bytes"] += len(chunk)
                if state["bytes"] > max_bytes:
                    raise CapExceeded("more than %d MiB unpacked" % (max_bytes >> 20))
                out.write(chunk)
        state["files"] += 1

    try:
        if zipfile.is_zipfile(archive):
            with zipfile.ZipFile(archive) as z:
                for info in z.infolist():
                    mode = info.external_attr >> 16
                    if stat.S_ISLNK(mode):
                        state["notes"].append("%s: a symbolic link (not unpacked)" % info.filename)
                        continue
                    path = admit(info.filename, info.is_dir())
                    if path is None or info.is_dir():
                        continue
                    with z.open(info) as source:
                        write(path, source)
        else:
            with tarfile.open(archive, "r:*") as t:
                for member in t:
                    if not (member.isfile() or member.isdir()):
                        state["notes"].append("%s: %s (not unpacked)" % (member.name, "a link" if member.issym() or member.islnk() else "not a regular file"))
                        continue
                    path = admit(member.name, member.isdir())
                    if path is None or member.isdir():
                        continue
                    write(path, t.extractfile(member))
    except CapExceeded as e:
        sys.stderr.write("%s\n" % e)
        return 3
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as e:
        sys.stderr.write("cannot read the archive: %s\n" % (str(e).splitlines() or ["unknown error"])[0])
        return 2
    del state["entries"]
    print(json.dumps(state))
    return 0


if __name__ == "__main__":
    sys.exit(main())
