"""Liveness probe for load balancers and monitoring; also the HTTP benchmark's baseline."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["health"])


@router.get("/health")
def health() -> dict[str, str]:
    """Answer that the server is up, without touching the database."""
    return {"status": "ok"}
