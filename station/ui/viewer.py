"""The page viewer: fit, zoom, pan; cleaned or original image; OCR word boxes; flags; field highlight."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QWidget,
)


def full_size(image: QImage) -> tuple[int, int]:
    """The page's size in its own pixels, which the loader writes into a reduced image's text."""
    text = image.text("full-size")
    if text:
        w, h = text.split("x")
        return int(w), int(h)
    return image.width(), image.height()


class PageViewer(QGraphicsView):
    detail_wanted = Signal()  # zoomed in beyond the decoded resolution

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#5f6368"))
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        # Painted scaled once per zoom level, not on every repaint (overlays, the flags label, scrolling).
        self.pixmap_item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.scene().addItem(self.pixmap_item)
        self.detail = True
        self.fitting = True
        self.image_size = (0, 0)
        self._boxes: list[QGraphicsRectItem] = []
        self._highlight: QGraphicsRectItem | None = None
        self.flags_label = QLabel(self)
        self.flags_label.setStyleSheet(
            "QLabel { background: rgba(255, 243, 205, 235); color: #5d4037; padding: 4px 8px; border-radius: 4px; }")
        self.flags_label.move(8, 8)
        self.flags_label.hide()
        self.empty_label = QLabel(self)
        self.empty_label.setStyleSheet("QLabel { color: white; font-size: 14pt; }")
        self.empty_label.move(24, 24)

    # -- content -------------------------------------------------------------------------------
    def set_image(self, image: QImage | None, keep_overlays: bool = False) -> None:
        """The page, possibly decoded smaller than it is (see workers.load_image): the scene stays in the
        page's own pixels, so word boxes and field highlights land where they were read."""
        if not keep_overlays:
            self.clear_overlays()
        if image is None or image.isNull():
            self.pixmap_item.setPixmap(QPixmap())
            self.image_size = (0, 0)
            return
        self.empty_label.hide()
        full = full_size(image)
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        self.pixmap_item.setScale(full[0] / image.width() if image.width() else 1.0)
        self.detail = image.width() >= full[0]
        self.image_size = full
        self.scene().setSceneRect(QRectF(0, 0, *full))
        if self.fitting:
            self.fit()

    def needs_detail(self) -> bool:
        """Zoomed in past the decoded resolution: the full-size page would show more."""
        if self.detail or not self.image_size[0]:
            return False
        shown = self.transform().m11() * self.devicePixelRatioF()
        return shown * self.pixmap_item.scale() > 1.05

    def show_message(self, text: str) -> None:
        self.set_image(None)
        self.empty_label.setText(text)
        self.empty_label.adjustSize()
        self.empty_label.show()

    def set_flags(self, text: str) -> None:
        self.flags_label.setText(text)
        self.flags_label.adjustSize()
        self.flags_label.setVisible(bool(text))

    def clear_overlays(self) -> None:
        for item in self._boxes:
            self.scene().removeItem(item)
        self._boxes.clear()
        if self._highlight is not None:
            self.scene().removeItem(self._highlight)
            self._highlight = None

    def show_boxes(self, boxes: list[tuple[int, int, int, int, float]]) -> None:
        """Word boxes with their OCR confidence: confident ones blue, doubtful ones red."""
        for item in self._boxes:
            self.scene().removeItem(item)
        self._boxes.clear()
        for x, y, w, h, conf in boxes:
            colour = QColor("#1e88e5") if conf >= 0.8 else QColor("#e53935")
            item = self.scene().addRect(QRectF(x, y, w, h), QPen(colour, 2))
            self._boxes.append(item)

    def highlight(self, bbox: list[int] | tuple[int, ...] | None) -> None:
        if self._highlight is not None:
            self.scene().removeItem(self._highlight)
            self._highlight = None
        if not bbox:
            return
        x, y, w, h = bbox[:4]
        pad = 8
        rect = QRectF(x - pad, y - pad, w + 2 * pad, h + 2 * pad)
        self._highlight = self.scene().addRect(rect, QPen(QColor("#f9a825"), 4), QBrush(QColor(255, 235, 59, 70)))
        self.ensureVisible(rect, 40, 40)

    # -- zoom and pan --------------------------------------------------------------------------
    def fit(self) -> None:
        self.fitting = True
        if self.image_size[0]:
            self.fitInView(QRectF(0, 0, *self.image_size), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self.fitting = False
        scale = self.transform().m11() * factor
        if 0.02 <= scale <= 8:
            self.scale(factor, factor)
        if self.needs_detail():
            self.detail_wanted.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fitting:
            self.fit()
