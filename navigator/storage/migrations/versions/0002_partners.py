"""partners: embedding NGOs and API clients

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partners",
        sa.Column("slug", sa.String(length=40), primary_key=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.JSON(), nullable=False),
        sa.Column("website", sa.String(length=300)),
        sa.Column("origins", sa.JSON(), nullable=False),
        sa.Column("default_lang", sa.String(length=5), nullable=False),
        sa.Column("accent", sa.String(length=7), nullable=False),
        sa.Column("logo", sa.LargeBinary()),
        sa.Column("logo_type", sa.String(length=20)),
        sa.Column("api_key_hash", sa.String(length=64), unique=True),
        sa.Column("api_rate_limit", sa.String(length=40)),
    )


def downgrade() -> None:
    op.drop_table("partners")
