"""Opens a Word file in LibreOffice (headless, through its UNO bridge), stores it as PDF as loaded, then
updates its indexes (the table of contents) and stores it again.

Usage: python3 libreoffice-pdf.py <file.docx> <as-loaded.pdf> <updated.pdf> <profile folder>
The profile folder keeps LibreOffice out of the home folder and lets several runs go side by side.
"""

import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    docx, loaded_pdf, updated_pdf, profile = sys.argv[1:5]
    pipe = "mognad-" + uuid.uuid4().hex
    office = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--headless",
            "--invisible",
            "--norestore",
            "--accept=pipe,name=" + pipe + ";urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        deadline = time.monotonic() + 120
        while context is None:
            try:
                context = resolver.resolve("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext")
            except Exception:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise
                time.sleep(0.2)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(docx), "_blank", 0, (prop("Hidden", True),))
        pdf = (prop("FilterName", "writer_pdf_Export"),)
        document.storeToURL(uno.systemPathToFileUrl(loaded_pdf), pdf)
        indexes = document.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        document.refresh()
        document.storeToURL(uno.systemPathToFileUrl(updated_pdf), pdf)
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice ends
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()


main()
