"""A PEP 517 build backend for the qixian package, in the standard library only.

pip builds in an isolated environment and would fetch setuptools from an index to do
so; this backend needs nothing, so ``pip install ./python`` works with no network.
It writes a wheel of the ``qixian`` directory (the .py files and py.typed) with its
metadata. When ``QIXIAN_BUNDLE_LIBRARY`` names a built ``libqixian.so.1``, that file is
put into the package too (and the wheel is tagged for this platform).
"""

import base64
import hashlib
import os
import re
import sysconfig
import zipfile

_HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _project():
    """Name, version and description from pyproject.toml (flat keys of [project])."""
    text = open(os.path.join(_HERE, "pyproject.toml"), encoding="utf-8").read()
    section = text.split("[project]", 1)[1]
    fields = dict(re.findall(r'^(\w[\w-]*)\s*=\s*"([^"]*)"', section, re.M))
    return fields["name"], fields["version"], fields.get("description", ""), fields.get("requires-python", "")


def _metadata():
    name, version, description, requires = _project()
    readme = open(os.path.join(_HERE, "README.md"), encoding="utf-8").read()
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}", f"Summary: {description}",
             "License: MIT"]
    if requires:
        lines.append(f"Requires-Python: {requires}")
    lines += ["Description-Content-Type: text/markdown", "", readme]
    return "\n".join(lines)


def _files():
    """(path in wheel, bytes) for the package, plus the bundled library if asked."""
    package = os.path.join(_HERE, "qixian")
    out = []
    for entry in sorted(os.listdir(package)):
        if entry.endswith(".py") or entry == "py.typed":
            with open(os.path.join(package, entry), "rb") as f:
                out.append((f"qixian/{entry}", f.read()))
    bundle = os.environ.get("QIXIAN_BUNDLE_LIBRARY")
    if bundle:
        with open(bundle, "rb") as f:
            out.append(("qixian/libqixian.so.1", f.read()))
    return out, bool(bundle)


def _record_hash(data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest},{len(data)}"


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    name, version, _, _ = _project()
    files, platform_specific = _files()
    tag = "py3-none-" + (sysconfig.get_platform().replace("-", "_").replace(".", "_") if platform_specific else "any")
    dist_info = f"{name}-{version}.dist-info"
    files += [
        (f"{dist_info}/METADATA", _metadata().encode()),
        (f"{dist_info}/WHEEL", f"Wheel-Version: 1.0\nGenerator: qixian_build\nRoot-Is-Purelib: "
                               f"{'false' if platform_specific else 'true'}\nTag: {tag}\n".encode()),
        (f"{dist_info}/top_level.txt", b"qixian\n"),
    ]
    record = "".join(f"{path},{_record_hash(data)}\n" for path, data in files) + f"{dist_info}/RECORD,,\n"
    wheel_name = f"{name}-{version}-{tag}.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files:
            info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if path.endswith(".so.1") else 0o644) << 16
            z.writestr(info, data, zipfile.ZIP_DEFLATED)
        z.writestr(f"{dist_info}/RECORD", record)
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    import tarfile

    name, version, _, _ = _project()
    base = f"{name}-{version}"
    path = os.path.join(sdist_directory, base + ".tar.gz")
    with tarfile.open(path, "w:gz") as t:
        for entry in ("pyproject.toml", "README.md", "build_backend", "qixian", "tests"):
            t.add(os.path.join(_HERE, entry), arcname=f"{base}/{entry}",
                  filter=lambda i: None if "__pycache__" in i.name else i)
        pkg_info = _metadata().encode()
        import io

        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(pkg_info)
        t.addfile(info, io.BytesIO(pkg_info))
    return base + ".tar.gz"
