"""One price book and one promotions engine, pure, shared by the node (pricing every sale) and
the cloud (re-pricing every pushed sale with the rules in force when it happened)."""
