package club.bloom.catalogue.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A purchase category of a club (club schema), e.g. {@code florist} «Цветы». */
@Entity
@Table(name = "category")
public class Category {
  @Id private String code;
  private String name;
  private int position;

  protected Category() {}

  public Category(String code, String name, int position) {
    this.code = code;
    this.name = name;
    this.position = position;
  }

  public void rename(String newName, int newPosition) {
    this.name = newName;
    this.position = newPosition;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public int position() {
    return position;
  }
}
