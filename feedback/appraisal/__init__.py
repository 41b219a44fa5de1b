"""The officer's and the supervisor's side of appraisal: own performance (Kinerja
saya), the current team, continuous-feedback notes, the dialog kinerja, and officer
logins by activation link."""
