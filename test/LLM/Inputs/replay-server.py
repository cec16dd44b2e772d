#!/usr/bin/env python3
"""A local chat-completion server that replays scripted replies, for tests.

  replay-server.py --script STEPS.json [--log LOG] [--expect-key KEY] -- CMD...

Starts an HTTP server on 127.0.0.1 at an ephemeral port, runs CMD with
XPILER_LLM_ENDPOINT pointing at it (and XPILER_LLM_MODEL=replay unless set),
stops the server and exits with CMD's status. Request k is answered by step
k of the script (a JSON list); after the last step every request gets 500.
A step is an object with:
  "content": text or "content_file": path (relative to the script) - one
      choice with that text (several: "contents": [...], "content_files"),
  "status": HTTP status (default 200), "retry_after": seconds header,
  "raw": a body sent as is (e.g. not JSON), "delay": seconds to wait first.
The log gets one line per request: the path, the model, the number of
messages, and whether the Authorization header carried --expect-key
("auth=ok"), another key ("auth=wrong") or none ("auth=none"). The key
itself is never written.
"""
import argparse
import http.server
import json
import os
import subprocess
import sys
import threading
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--script", required=True)
    parser.add_argument("--log")
    parser.add_argument("--expect-key", default="")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    with open(args.script) as f:
        steps = json.load(f)
    base = os.path.dirname(os.path.abspath(args.script))
    lock = threading.Lock()
    state = {"next": 0}
    log_lines = []

    def read(path):
        with open(os.path.join(base, path)) as f:
            return f.read()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *unused):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            auth = self.headers.get("Authorization")
            if auth is None:
                auth_state = "none"
            elif args.expect_key and auth == "Bearer " + args.expect_key:
                auth_state = "ok"
            else:
                auth_state = "wrong"
            try:
                request = json.loads(body)
                summary = "model=%s messages=%d n=%s" % (
                    request.get("model"), len(request.get("messages", [])),
                    request.get("n"))
            except ValueError:
                summary = "body-not-json"
            with lock:
                index = state["next"]
                state["next"] += 1
                log_lines.append("%s %s auth=%s" % (self.path, summary,
                                                     auth_state))
            if index >= len(steps):
                self.reply(500, json.dumps(
                    {"error": {"message": "replay script exhausted"}}), {})
                return
            step = steps[index]
            time.sleep(step.get("delay", 0))
            headers = {}
            if "retry_after" in step:
                headers["Retry-After"] = str(step["retry_after"])
            status = step.get("status", 200)
            if "raw" in step:
                self.reply(status, step["raw"], headers)
                return
            if "error" in step:
                self.reply(status, json.dumps(
                    {"error": {"message": step["error"]}}), headers)
                return
            contents = step.get("contents", [])
            if "content" in step:
                contents = [step["content"]]
            contents += [read(p) for p in step.get("content_files", [])]
            if "content_file" in step:
                contents.append(read(step["content_file"]))
            choices = [{"index": i, "finish_reason": "stop",
                        "message": {"role": "assistant", "content": c}}
                       for i, c in enumerate(contents)]
            self.reply(status, json.dumps(
                {"id": "replay-%d" % index, "object": "chat.completion",
                 "choices": choices}), headers)

        def reply(self, status, text, headers):
            data = text.encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    env = dict(os.environ)
    env["XPILER_LLM_ENDPOINT"] = "http://127.0.0.1:%d/v1" % server.server_port
    env.setdefault("XPILER_LLM_MODEL", "replay")
    try:
        status = subprocess.call(command, env=env)
    finally:
        server.shutdown()
        server.server_close()
        if args.log:
            with open(args.log, "w") as f:
                f.write("\n".join(log_lines) + ("\n" if log_lines else ""))
    sys.exit(status)


if __name__ == "__main__":
    main()
