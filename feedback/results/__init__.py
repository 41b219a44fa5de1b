"""What the ratings add up to: the monthly rollups (kept equal to the raw
responses, rebuilt by ``recompute_ikm``), the IKM reads every results page and the
home page share, the IKM API and the open-data files."""
