"""The central archive's ingest service (`station-archive`): a separate application on the station's core.

It receives sealed packages over tus 1.0, checks each with the station's own package checks
(station.verify), stores it durably behind a Storage interface, and answers with a receipt
signed by the archive's key. The wire protocol is the one the station's sync speaks.
"""
