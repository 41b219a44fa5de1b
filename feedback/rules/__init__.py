"""The rules of PermenPANRB 14/2017 as plain Python, no Django: the nine SKM
elements and their answers, the IKM formula and bands, periods, the structure of a
NIP, and the masking of personal data in comments."""
