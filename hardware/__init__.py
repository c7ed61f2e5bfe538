"""The store's devices: barcode scanners (`scanner`), ESC/POS receipt printers and the cash
drawer (`printer`), what is printed on them (`receipt`, `reports`) and a print queue that
keeps a failing printer from blocking or losing a sale (`print_queue`). No SQL here: the
till and the edge services call these."""
