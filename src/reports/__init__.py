"""Reports: the deals and trade workbooks, and the scheduler that exports them."""
