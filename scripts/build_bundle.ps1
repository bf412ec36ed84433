# Build the one-folder desktop bundle on Windows and run the frozen self-test.
#   powershell -ExecutionPolicy Bypass -File scripts\build_bundle.ps1   → dist\JobcenterFrister\
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install -q --disable-pip-version-check -e ".[encryption]" "pyinstaller>=6.10,<7"
.venv\Scripts\pyinstaller --noconfirm --clean --log-level WARN build.spec
$proc = Start-Process -FilePath dist\JobcenterFrister\JobcenterFrister.exe -ArgumentList "--self-test" -Wait -PassThru -NoNewWindow
if ($proc.ExitCode -ne 0) { throw "frozen self-test failed ($($proc.ExitCode))" }
Write-Host "Bundle ready in dist\JobcenterFrister (self-test passed)"
