"""Officer indicators for appraisals (SKP): scores per officer and period, the HR
API, HR's admin screens and the files for e-Kinerja. Private to HR, every read
logged."""
