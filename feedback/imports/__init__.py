"""Staff imports: paper forms per respondent (``import_skm``), past reports' tables
(``import_skm_tables``), and the strict tabular reading (CSV, ``.xlsx``) they
share."""
