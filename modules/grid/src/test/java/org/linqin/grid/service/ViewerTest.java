package org.linqin.grid.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linqin.grid.model.Incident;

class ViewerTest {

    static Incident incident(long reporter, Long grid, String routedRole) {
        Incident incident = new Incident();
        incident.reporterPersonId = reporter;
        incident.gridId = grid;
        incident.routedRole = routedRole;
        return incident;
    }

    @Test
    void staffSeeEverythingAndResidentsTheirOwnReports() {
        Viewer staff = new Viewer(1L, Set.of("grid-worker"), List.of());
        Viewer resident = new Viewer(2L, Set.of("resident"), List.of());
        assertThat(staff.sees(incident(9, 5L, "grid-worker"))).isTrue();
        assertThat(resident.sees(incident(9, 5L, "grid-worker"))).isFalse();
        assertThat(resident.sees(incident(2, 5L, "grid-worker"))).isTrue();
        assertThat(resident.seesReporterOf(incident(9, 5L, "grid-worker"))).isFalse();
        assertThat(resident.handles(incident(2, 5L, "grid-worker"))).isFalse();
        assertThat(staff.condition()).isNull();
        assertThat(resident.condition()).isEqualTo("(e.reporterPersonId = :viewer)");
    }

    @Test
    void partTimeGridWorkersSeeOnlyTheirGridsAndPartnersWhatIsRoutedToThem() {
        Viewer partTime = new Viewer(3L, Set.of("part-time-grid-worker"), List.of(5L));
        assertThat(partTime.sees(incident(9, 5L, "grid-worker"))).isTrue();
        assertThat(partTime.sees(incident(9, 6L, "grid-worker"))).isFalse();
        assertThat(partTime.handles(incident(9, 5L, "grid-worker"))).isTrue();
        assertThat(partTime.seesReporterOf(incident(9, 5L, "grid-worker"))).isFalse();
        Viewer partner = new Viewer(4L, Set.of("partner-staff"), List.of());
        assertThat(partner.sees(incident(9, null, "partner-staff"))).isTrue();
        assertThat(partner.sees(incident(9, null, "grid-worker"))).isFalse();
        assertThat(partner.condition()).contains("e.routedRole = 'partner-staff'");
    }
}
