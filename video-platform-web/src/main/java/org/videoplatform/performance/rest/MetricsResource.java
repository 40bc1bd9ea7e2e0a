package org.videoplatform.performance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.performance.boundary.MetricsImports;
import org.videoplatform.performance.boundary.MetricsImports.ConnectorRow;
import org.videoplatform.performance.boundary.MetricsImports.Report;
import org.videoplatform.performance.control.MetricsCsv;
import org.videoplatform.performance.control.MetricsWriter;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.problems.MaxRequestBytes;

/** Where the platforms' figures come in: export files from a lead, rows from connectors. */
@Path("metrics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"video-lead", "admin"})
public class MetricsResource {

    /** A year of daily figures for a thousand videos on three platforms, in the template's layout, with room to spare. */
    static final long MAX_EXPORT_BYTES = 512L * 1024 * 1024;
    static final int MAX_CONNECTOR_ROWS = 100_000;

    @Inject
    MetricsImports imports;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    /**
     * An export file exactly as the platform wrote it; the layout is found from its header.
     *
     * @param asOf the day the file was exported (default today), which Meta's lifetime totals are as of
     */
    @POST
    @Path("imports")
    // Browsers call CSV files text/csv, text/plain or, where Excel is installed, application/vnd.ms-excel.
    @Consumes(MediaType.WILDCARD)
    @MaxRequestBytes(MAX_EXPORT_BYTES)
    public Report importFile(InputStream file, @QueryParam("asOf") String asOf) {
        return imports.importFile(file, day(asOf), actors.of(security));
    }

    public record ConnectorBatch(@NotNull @Size(min = 1, max = MAX_CONNECTOR_ROWS) List<ConnectorRow> rows) {
    }

    /** For connectors that read a platform's API: the template's columns as JSON, rows numbered from 1 in the report. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @MaxRequestBytes(64L * 1024 * 1024)
    public Report importRows(@Valid @NotNull ConnectorBatch batch) {
        return imports.importRows(batch.rows(), actors.of(security));
    }

    /** The template for platforms without an export layout of their own, with a line to show the formats. */
    @GET
    @Path("template.csv")
    @Produces("text/csv")
    public Response template() {
        return Response.ok(MetricsCsv.TEMPLATE_HEADER + "\r\ntiktok,7300000000000000001,2026-11-02,1200,900,28800,24,41.5,30,210,12,150,1050\r\n")
                .header("Content-Disposition", "attachment; filename=\"metrics-template.csv\"").build();
    }

    private static LocalDate day(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("asOf", "\"" + asOf + "\" is not a date like 2026-11-27");
        }
        if (day.isAfter(MetricsWriter.lastDayBegunAnywhere())) {
            throw new InvalidInput("asOf", day + " has not come yet: the export was made on or before today");
        }
        return day;
    }
}
