package dev.bulwark.bench;

import dev.bulwark.internal.exposure.ExposureSerializers;
import dev.bulwark.internal.exposure.FieldPaths;
import dev.bulwark.internal.exposure.SensitiveNames;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Serializing a list of customers (nested address, orders, a map of attributes) with Yasson: plain JSON-B, as the
 * server would without Bulwark, against Bulwark's filtering serializer with no allow-list (sensitive names only)
 * and with an allow-list that keeps about half the fields.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExposureBenchmark {

    public static class Address {
        public String street;
        public String city;
        public String country;
    }

    public static class Order {
        public long id;
        public String number;
        public BigDecimal total;
        public String status;
    }

    public static class Customer {
        public long id;
        public String number;
        public String name;
        public String email;
        public String phone;
        public boolean passwordResetRequired;
        public String internalNote;
        public Address address;
        public List<Order> orders = new ArrayList<>();
        public Map<String, String> attributes = new LinkedHashMap<>();
    }

    private static final Type LIST = new ArrayList<Customer>() { }.getClass().getGenericSuperclass();

    @Param({"1", "100"})
    public int customers;

    private List<Customer> entity;
    private Jsonb plain;
    private ExposureSerializers serializers;
    private FieldPaths view;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

    @Setup
    public void setUp() {
        entity = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            Customer c = new Customer();
            c.id = i;
            c.number = "C-" + (1000 + i);
            c.name = "Customer " + i;
            c.email = "customer" + i + "@example.com";
            c.phone = "+44 20 7946 " + (1000 + i);
            c.internalNote = "note " + i;
            c.address = new Address();
            c.address.street = i + " Main Street";
            c.address.city = "London";
            c.address.country = "GB";
            for (int j = 0; j < 3; j++) {
                Order o = new Order();
                o.id = i * 10L + j;
                o.number = "O-" + o.id;
                o.total = new BigDecimal("12.50").add(BigDecimal.valueOf(j));
                o.status = "PAID";
                c.orders.add(o);
            }
            c.attributes.put("theme", "dark");
            c.attributes.put("language", "en");
            entity.add(c);
        }
        plain = JsonbBuilder.create();
        serializers = new ExposureSerializers(SensitiveNames.defaults());
        view = FieldPaths.of(List.of("number", "name", "email", "address.city", "orders.number", "orders.total"));
    }

    @TearDown
    public void tearDown() throws Exception {
        plain.close();
    }

    @Benchmark
    public int plainJsonb() {
        out.reset();
        plain.toJson(entity, LIST, out);
        return out.size();
    }

    @Benchmark
    public int bulwarkNoAllowList() {
        out.reset();
        serializers.write(entity, LIST, FieldPaths.ANY, out);
        return out.size();
    }

    @Benchmark
    public int bulwarkAllowList() {
        out.reset();
        serializers.write(entity, LIST, view, out);
        return out.size();
    }
}
