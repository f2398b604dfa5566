package org.linqin.core.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Id and optimistic-lock version shared by every entity. Ids come from one sequence ({@code linqin_id_seq},
 * created by the core migration), so an id names one row across all types and modules.
 */
@MappedSuperclass
public abstract class LinqinEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "linqin_id")
    @SequenceGenerator(name = "linqin_id", sequenceName = "linqin_id_seq", allocationSize = 50)
    public Long id;

    @Version
    public int version;
}
