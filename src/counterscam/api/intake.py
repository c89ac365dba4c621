"""API routes: intake."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["intake"])
