package dev.bulwark.internal.versioning;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lifecycle of one API version, from {@code bulwark.versioning.versions.<name>.*}, validated at deployment
 * (the sunset after the deprecation, brown-outs before the sunset, the successor listed). Its response headers are
 * composed here once: a request only picks them.
 *
 * @param deprecated when the version is deprecated (RFC 9745), or null
 * @param sunset     when it stops being served (RFC 8594), or null
 * @param successor  the version that replaces it, or null
 * @param link       the migration guide ({@code Link rel="deprecation"}), or null
 * @param sunsetLink the sunset notice ({@code Link rel="sunset"}), or null for {@code link}
 * @param brownOuts  windows before the sunset in which the version already answers 410
 */
public record VersionSchedule(String name, Instant deprecated, Instant sunset, String successor, URI link,
                              URI sunsetLink, List<Window> brownOuts) {

    /** IMF-fixdate (RFC 9110 section 5.6.7): two-digit day, English names, GMT. */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** A brown-out: from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Window(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }

        @Override
        public String toString() {
            return start + "/" + end;
        }
    }

    /** Where a version stands at one instant. */
    public enum Stage {
        /** Served; not deprecated (yet). */
        ACTIVE,
        /** Served with its lifecycle headers. */
        DEPRECATED,
        /** In a brown-out window: answers 410 with its lifecycle headers. */
        BROWN_OUT,
        /** After its sunset: answers 410 (or keeps serving when configured) with its lifecycle headers. */
        RETIRED
    }

    public VersionSchedule {
        brownOuts = List.copyOf(brownOuts);
    }

    /** Where the version stands at {@code now}. */
    public Stage stage(Instant now) {
        if (sunset != null && !now.isBefore(sunset)) {
            return Stage.RETIRED;
        }
        for (Window w : brownOuts) {
            if (w.contains(now)) {
                return Stage.BROWN_OUT;
            }
        }
        return deprecated != null && !now.isBefore(deprecated) ? Stage.DEPRECATED : Stage.ACTIVE;
    }

    /** {@code Deprecation}: an RFC 9651 date item, {@code @} and the epoch seconds (RFC 9745). */
    public String deprecationHeader() {
        return deprecated == null ? null : "@" + deprecated.getEpochSecond();
    }

    /** {@code Sunset}: an HTTP-date (RFC 8594). */
    public String sunsetHeader() {
        return sunset == null ? null : IMF_FIXDATE.format(sunset);
    }

    /** {@code Link}: the migration guide ({@code rel="deprecation"}) and the sunset notice ({@code rel="sunset"}). */
    public String linkHeader() {
        List<String> links = new ArrayList<>();
        if (link != null && deprecated != null) {
            links.add("<" + link.toASCIIString() + ">; rel=\"deprecation\"; type=\"text/html\"");
        }
        URI notice = sunsetLink != null ? sunsetLink : link;
        if (notice != null && sunset != null) {
            links.add("<" + notice.toASCIIString() + ">; rel=\"sunset\"; type=\"text/html\"");
        }
        return links.isEmpty() ? null : String.join(", ", links);
    }

    /**
     * What the schedule publishes about the version (the JSON document, the OpenAPI extension): its name, then
     * whichever of deprecation, sunset, successor, links and brown-out windows ({@code start/end}) it has.
     */
    public java.util.Map<String, Object> published() {
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("version", name);
        if (deprecated != null) {
            facts.put("deprecated", deprecated.toString());
        }
        if (sunset != null) {
            facts.put("sunset", sunset.toString());
        }
        if (successor != null) {
            facts.put("successor", successor);
        }
        if (link != null) {
            facts.put("link", link.toString());
        }
        if (sunsetLink != null) {
            facts.put("sunsetLink", sunsetLink.toString());
        }
        if (!brownOuts.isEmpty()) {
            facts.put("brownOuts", brownOuts.stream().map(Window::toString).toList());
        }
        return java.util.Collections.unmodifiableMap(facts);
    }

    /** True when the version will announce anything: a deprecation or a sunset. */
    public boolean scheduled() {
        return deprecated != null || sunset != null;
    }

    /** For the inventory: "deprecated 2026-06-01T00:00:00Z, sunset 2027-06-01T00:00:00Z, successor v2". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (deprecated != null) {
            parts.add("deprecated " + deprecated);
        }
        if (sunset != null) {
            parts.add("sunset " + sunset);
        }
        if (!brownOuts.isEmpty()) {
            parts.add(brownOuts.size() + " brown-out" + (brownOuts.size() == 1 ? "" : "s"));
        }
        if (successor != null) {
            parts.add("successor " + successor);
        }
        return String.join(", ", parts);
    }
}
