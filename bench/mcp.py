"""An MCP tool call (ask) on a warm server, beside a direct `Memory.ask` on the same stores, same run.

The LoCoMo dev conversations are one store each, served as one user each (`--folder`): over streamable HTTP
(`remembrancer serve --folder`, the SDK's client) and over stdio (`remembrancer mcp --folder`). Every sound
question is asked once through each, after a few warm-up calls per store; the time is the client's, from
the call to the parsed result, end to end (JSON-RPC, the server's tool, the store). The baseline is
`Memory.ask` called directly in this process on the same stores and questions.

    python bench/mcp.py --data ../shared/benchdata/locomo/locomo10_dev.json --stores /tmp/locomo-stores

Target: p95 <= 50 ms for ask over MCP on a warm server.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This file is bench/mcp.py: its folder leaves the path, so that `import mcp` is the SDK, not this file.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))

import anyio  # noqa: E402
from mcp.client import Client  # noqa: E402
from mcp.client.stdio import StdioServerParameters  # noqa: E402

from remembrancer.store import Memory  # noqa: E402

_spec = importlib.util.spec_from_file_location("locomo", HERE / "locomo.py")
locomo = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(locomo)

WARM = 5  # untimed calls per store before timing


def asked(data_path, convs) -> list[tuple[str, str]]:
    return [(conv, q) for conv, q, _, evidence in locomo.questions(data_path) if evidence is not None and conv in convs]


def direct(paths, items) -> tuple[list[float], dict]:
    memories = {conv: Memory(path, derive=False) for conv, path in paths.items()}
    for conv, memory in memories.items():
        for _, q in [i for i in items if i[0] == conv][:WARM]:
            memory.ask(q, limit=10)
    times, answers = [], {}
    cpu = time.process_time()
    for conv, q in items:
        t0 = time.perf_counter()
        out = memories[conv].ask(q, limit=10)
        times.append(time.perf_counter() - t0)
        answers[conv, q] = [p["passage"] for p in out["passages"]]
    CPU.setdefault("direct", []).append((time.process_time() - cpu) / len(items))
    for memory in memories.values():
        memory.close()
    return times, answers


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc), children excluded."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_pid(server) -> int | None:
    """The pid of the process serving: the `serve` process (HTTP) or the `mcp` child of this one (stdio)."""
    if isinstance(server, str):
        return SERVING.get("pid")
    kids = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
    for pid in kids.read_text().split() if kids.exists() else ():
        if "mcp" in Path(f"/proc/{pid}/cmdline").read_text():
            return int(pid)
    return None


SERVING: dict = {}
CPU: dict = {}


async def over_mcp(server, items) -> tuple[list[float], dict]:
    times, answers = [], {}
    async with Client(server) as client:
        for conv in sorted({c for c, _ in items}):
            for _, q in [i for i in items if i[0] == conv][:WARM]:
                await client.call_tool("ask", {"user": conv, "question": q, "limit": 10})
        pid = server_pid(server)
        server_cpu, client_cpu = cpu_seconds(pid) if pid else 0.0, time.process_time()
        for conv, q in items:
            t0 = time.perf_counter()
            r = await client.call_tool("ask", {"user": conv, "question": q, "limit": 10})
            out = json.loads(r.content[0].text)
            times.append(time.perf_counter() - t0)
            assert not r.is_error, r.content[0].text
            answers[conv, q] = [p["passage"] for p in out["passages"]]
        CPU["http" if isinstance(server, str) else "stdio"] = (
            (cpu_seconds(pid) - server_cpu) / len(items) if pid else None, (time.process_time() - client_cpu) / len(items))
    return times, answers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def line(name, times):
    p = lambda q: 1000 * locomo.percentile(times, q)  # noqa: E731
    return f"  {name:<44} p50 {p(50):6.1f} ms  p95 {p(95):6.1f} ms  p99 {p(99):6.1f} ms  mean {1000 * sum(times) / len(times):6.1f} ms"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="a LoCoMo-format JSON file")
    parser.add_argument("--stores", help="folder for the per-conversation stores (kept; reused when complete)")
    args = parser.parse_args(argv)
    folder = Path(args.stores) if args.stores else Path(tempfile.mkdtemp(prefix="locomo-"))
    folder.mkdir(parents=True, exist_ok=True)
    paths, _ = locomo.build(args.data, folder)
    items = asked(args.data, set(paths))
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    print(f"load average {os.getloadavg()[0]:.1f} at start; {len(paths)} stores, {len(items)} questions, limit 10,"
          f" {WARM} warm-up calls per store", flush=True)

    base_times, base = direct(paths, items)

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "remembrancer.cli", "serve", "--folder", str(folder), "--port", str(port),
                             "--json"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    SERVING["pid"] = proc.pid
    try:
        url = json.loads(proc.stdout.readline())["mcp"]
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        http_times, http = anyio.run(over_mcp, url, items)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    stdio = StdioServerParameters(command=sys.executable, args=["-m", "remembrancer.cli", "mcp", "--folder", str(folder)], env=env)
    stdio_times, stdio_answers = anyio.run(over_mcp, stdio, items)
    after_times, _ = direct(paths, items)  # again, so that a change in the machine's load shows

    print(line("direct Memory.ask (this process), first", base_times))
    print(line("direct Memory.ask (this process), last", after_times))
    base_times = base_times + after_times
    print(line("MCP ask, streamable HTTP (serve --folder)", http_times))
    print(line("MCP ask, stdio (remembrancer mcp --folder)", stdio_times))
    for name, times in (("HTTP", http_times), ("stdio", stdio_times)):
        p95, b95 = locomo.percentile(times, 95), locomo.percentile(base_times, 95)
        print(f"  MCP {name}: p95 {1000 * p95:.1f} ms = {p95 / b95:.2f}x direct p95; p50 overhead"
              f" {1000 * (locomo.percentile(times, 50) - locomo.percentile(base_times, 50)):+.1f} ms;"
              f" target p95 <= 50 ms: {'met' if p95 <= 0.050 else 'NOT met'}")
    for name, answers in (("HTTP", http), ("stdio", stdio_answers)):
        same = sum(answers[k] == base[k] for k in base)
        print(f"  same passages as direct Memory.ask over {name}: {same}/{len(base)}")
    direct_cpu = sum(CPU["direct"]) / len(CPU["direct"])
    print(f"  CPU time per ask (independent of the other programs on the machine): direct {1000 * direct_cpu:.1f} ms;")
    for name in ("http", "stdio"):
        server, client = CPU[name]
        print(f"    over MCP {name}: server process {1000 * server:.1f} ms + client {1000 * client:.1f} ms"
              f" = {1000 * (server + client):.1f} ms ({(server + client) / direct_cpu:.2f}x direct)")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
