"""saved answers: lookup value, ciphertext, expiry day

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_answers",
        sa.Column("lookup", sa.String(length=64), primary_key=True),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
    )
    op.create_index("ix_saved_answers_expires_on", "saved_answers", ["expires_on"])


def downgrade() -> None:
    op.drop_index("ix_saved_answers_expires_on", table_name="saved_answers")
    op.drop_table("saved_answers")
