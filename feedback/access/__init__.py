"""Who may do what: API tokens (hashed, expiring) and their DRF authentication,
the groups, and the checks the staff screens make."""
