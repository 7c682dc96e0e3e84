package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PassportImage;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** QR codes by ZXing, drawn as SVG: crisp at any size in a phone wallet or on a screen. */
@ApplicationScoped
public class ZxingPassportImage implements PassportImage {
  private static final int MODULE_PX = 8;

  @Override
  public String svg(PassportCode code) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  code.value(),
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4));
    } catch (WriterException e) {
      throw new IllegalStateException(e);
    }
    int w = matrix.getWidth();
    int h = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + w * MODULE_PX
        + "\" height=\""
        + h * MODULE_PX
        + "\" viewBox=\"0 0 "
        + w
        + " "
        + h
        + "\" shape-rendering=\"crispEdges\"><title>"
        + code.value()
        + "</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }
}
