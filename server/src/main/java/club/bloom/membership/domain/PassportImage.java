package club.bloom.membership.domain;

/** Renders a passport code as a scannable image. */
public interface PassportImage {
  /** An SVG document with the QR code of the passport. */
  String svg(PassportCode code);
}
