package io.lotse.reply;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An admin's wording for one customer message in one language. */
@Entity
@Table(name = "template_override")
public class TemplateOverride extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        public String name;
        public String language;

        public Key() {
        }

        public Key(String name, String language) {
            this.name = name;
            this.language = language;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(name, k.name) && Objects.equals(language, k.language);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, language);
        }
    }

    @EmbeddedId
    public Key key;
    public String body;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
