"""Screenshot of the ledger in Datasette, taken by headless Chromium (Debian: ``apt-get install -y chromium``).

    python scripts/ledger_screenshot.py out/deals.db                  # → out/ledger.png (deals at a glance)
    python scripts/ledger_screenshot.py out/deals.db --path '/deals/deals/4' -o deal.png

Starts ``newsextract ledger serve`` on a free loopback port, waits for it, runs Chromium once with
``--screenshot``, stops the server.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path, help="a SQLite ledger")
    ap.add_argument("--path", help="page to shoot (default: the deals at a glance, most sources first)")
    ap.add_argument("-o", "--output", type=Path, help="PNG file (default: ledger.png beside the ledger)")
    ap.add_argument("--size", default="1600,1400", help="window size W,H")
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        sys.exit("no Chromium: apt-get install -y chromium")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    stem = args.db.stem
    path = args.path or f"/{stem}/deal_overview?_sort_desc=n_sources"
    out = args.output or args.db.with_name("ledger.png")
    server = subprocess.Popen([sys.executable, "-m", "newsextract.cli", "ledger", "serve", "--db", str(args.db),
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}{path}"
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).read()  # noqa: S310 - loopback only
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    sys.exit("the ledger server did not start")
                time.sleep(0.3)
        subprocess.run([chromium, *CHROMIUM_FLAGS, f"--window-size={args.size}", f"--screenshot={out.resolve()}", url],
                       check=True, capture_output=True, timeout=120)
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(f"{url} → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
