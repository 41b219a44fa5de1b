"""Closing the loop with citizens: the unit staff's inbox, replies, deadlines in
working days and the loop's figures (docs/loop.md)."""
