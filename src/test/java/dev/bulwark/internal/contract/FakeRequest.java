package dev.bulwark.internal.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request as the OpenAPI check reads it, built up by a test. */
final class FakeRequest implements RequestView {

    private final Map<String, String> path = new HashMap<>();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new HashMap<>();
    private final Map<String, String> cookies = new HashMap<>();
    private String contentType;
    private byte[] json;

    FakeRequest path(String name, String value) {
        path.put(name, value);
        return this;
    }

    FakeRequest query(String name, String value) {
        query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    FakeRequest header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
        return this;
    }

    FakeRequest cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    FakeRequest json(String body) {
        this.contentType = "application/json";
        this.json = body.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    FakeRequest body(String type) {
        this.contentType = type;
        return this;
    }

    @Override
    public String pathParameter(String name) {
        return path.get(name);
    }

    @Override
    public Map<String, List<String>> queryParameters() {
        return query;
    }

    @Override
    public List<String> header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String cookie(String name) {
        return cookies.get(name);
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public boolean hasBody() {
        return contentType != null;
    }

    @Override
    public byte[] checkedJson() {
        return json;
    }
}
