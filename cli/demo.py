"""`omnistore demo`: a cloud and one store node with sample data in ./var/demo."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import click
import httpx

from cli.demo_catalog import products

STORE = "DEMO1"
CLOUD_PORT = 8700
EDGE_PORT = 8710
CASHIER = ("cashier", "1234")
MANAGER = ("manager", "9999")
PICKER = ("picker", "2468")
STOCK = 40


def _run(*args: str) -> str:
    """Run an `omnistore` subcommand and return its last output line."""
    out = subprocess.run(
        [sys.executable, "-m", "cli", *args], check=True, capture_output=True, text=True
    ).stdout
    return out.strip().splitlines()[-1]


def _start(*args: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as handle:
        return subprocess.Popen(
            [sys.executable, "-m", "cli", *args], stdout=handle, stderr=subprocess.STDOUT
        )


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise click.ClickException(f"{url} did not start; see {log}")
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise click.ClickException(f"{url} did not answer within 30 s; see {log}")


def _send(hq: httpx.Client, method: str, url: str, body: object) -> None:
    """One HQ request; past the token's rate limit (429) wait Retry-After and send it again,
    as any integrator should."""
    while True:
        answer = hq.request(method, url, json=body)
        if answer.status_code != 429:
            answer.raise_for_status()
            return
        time.sleep(float(answer.headers.get("Retry-After", "1")))


def _seed(cloud_url: str, hq_token: str) -> int:
    """Catalogue and goods received, through the HQ API like any integrator would."""
    count = 0
    headers = {"Authorization": f"Bearer {hq_token}"}
    with httpx.Client(base_url=cloud_url + "/api/v1", headers=headers, timeout=30) as hq:
        for sku, body in products():
            _send(hq, "PUT", f"/products/{sku}", body)
            movement = {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"demo/{sku}")),
                "sku": sku,
                "delta": STOCK,
                "reason": "receipt",
                "note": "demo opening stock",
            }
            _send(hq, "POST", f"/stores/{STORE}/stock-movements", movement)
            count += 1
    return count


def prepare(root: Path) -> tuple[str, Path]:
    """Create the demo's cloud DB, HQ token, store, node and staff once; reuse afterwards."""
    root.mkdir(parents=True, exist_ok=True)
    token_file = root / "hq_token.txt"
    cloud_db = str(root / "cloud.db")
    if not token_file.exists():
        token_file.write_text(
            _run("cloud", "add-token", "demo-hq", "--role", "hq", "--db", cloud_db) + "\n"
        )
    return token_file.read_text().strip(), root / "node"


@click.command()
@click.option(
    "--no-pos", is_flag=True, help="Run headless until Ctrl-C instead of opening the POS."
)
@click.option(
    "--dir",
    "root",
    default="var/demo",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the demo keeps data.",
)
@click.option("--cloud-port", default=CLOUD_PORT, show_default=True, help="Cloud port.")
@click.option("--edge-port", default=EDGE_PORT, show_default=True, help="Store node port.")
def demo(no_pos: bool, root: Path, cloud_port: int, edge_port: int) -> None:
    """Start a cloud and one store node with sample data, print how to use them."""
    signal.signal(signal.SIGTERM, _interrupt)
    hq_token, data_dir = prepare(root)
    cloud_url, edge_url = f"http://127.0.0.1:{cloud_port}", f"http://127.0.0.1:{edge_port}"
    cloud = _start(
        "cloud",
        "serve",
        "--db",
        str(root / "cloud.db"),
        "--port",
        str(cloud_port),
        log=root / "cloud.log",
    )
    edge: subprocess.Popen[bytes] | None = None
    try:
        _wait_healthy(cloud_url, cloud, root / "cloud.log")
        if not (data_dir / "node.json").exists():
            token = _run(
                "cloud", "add-store", STORE, "--name", "Demo Store", "--db", str(root / "cloud.db")
            )
            _run(
                "edge",
                "enroll",
                "--data-dir",
                str(data_dir),
                "--cloud",
                cloud_url,
                "--store",
                STORE,
                "--token",
                token,
            )
            for (name, pin), role in (
                (CASHIER, "cashier"),
                (MANAGER, "manager"),
                (PICKER, "picker"),
            ):
                _run(
                    "edge",
                    "add-staff",
                    "--data-dir",
                    str(data_dir),
                    name,
                    "--role",
                    role,
                    "--pin",
                    pin,
                )
            click.echo(f"seeded {_seed(cloud_url, hq_token)} products with {STOCK} units each")
        edge = _start(
            "edge",
            "serve",
            "--data-dir",
            str(data_dir),
            "--port",
            str(edge_port),
            log=root / "edge.log",
        )
        _wait_healthy(edge_url, edge, root / "edge.log")
        _banner(cloud_url, edge_url, hq_token, data_dir)
        _foreground(no_pos, data_dir)
    except KeyboardInterrupt:
        click.echo("\nstopping the demo")
    finally:
        for proc in (edge, cloud):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=20)


def _interrupt(_signum: int, _frame: object) -> None:
    """SIGTERM stops the demo like Ctrl-C, so the cloud and node are stopped too."""
    raise KeyboardInterrupt


def _banner(cloud_url: str, edge_url: str, hq_token: str, data_dir: Path) -> None:
    click.echo(
        f"""
Omnistore demo is running.
  cloud HQ API     {cloud_url}/api/v1   (OpenAPI: {cloud_url}/api/v1/openapi.json)
  HQ token         {hq_token}
  store node       {edge_url}   store {STORE}, data dir {data_dir}
  picker page      {edge_url}/picker/   (tablet; sign in as the picker)
  lane API         {edge_url}/api/v1
  staff            cashier "{CASHIER[0]}" PIN {CASHIER[1]} · manager "{MANAGER[0]}" PIN {MANAGER[1]}
                   · picker "{PICKER[0]}" PIN {PICKER[1]}
  try              curl -H 'Authorization: Bearer {hq_token}' \\
                     {cloud_url}/api/v1/stores/{STORE}/stock/DAIRY-011
"""
    )


def _foreground(no_pos: bool, data_dir: Path) -> None:
    """Open the POS signed in as the demo cashier, or wait for Ctrl-C."""
    if not no_pos:
        try:
            from pos_tui.app import run_pos
        except ImportError:
            click.echo("(the POS terminal is not part of this build; running headless)")
        else:
            click.echo("Opening the till (Ctrl+Q quits; the cloud and node stop with it)...")
            time.sleep(1)
            run_pos(data_dir, user=CASHIER[0], pin=CASHIER[1])
            return
    click.echo("Press Ctrl-C to stop.")
    while True:
        time.sleep(3600)
