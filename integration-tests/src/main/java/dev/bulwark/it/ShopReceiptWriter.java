package dev.bulwark.it;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The application's own JSON writer for receipts (ExposureIT): its own names and date format ("30 Nov 2026"),
 * which Bulwark keeps while the endpoint's allow-list still holds.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class ShopReceiptWriter implements MessageBodyWriter<ShopReceipt> {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ShopReceipt.class;
    }

    @Override
    public void writeTo(ShopReceipt receipt, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) {
        try (JsonGenerator g = Json.createGenerator(out)) {
            g.writeStartObject().write("receipt", receipt.getNumber()).write("customerName", receipt.getCustomerName())
                    .write("internalMargin", receipt.getInternalMargin())
                    .write("issued", DATE.format(receipt.getIssued())).writeEnd();
        }
    }
}
