from sqlalchemy import inspect


def test_migrated_database_has_every_table(migrated_engine):
    assert "trade_flows" in inspect(migrated_engine).get_table_names()
