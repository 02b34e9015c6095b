package dev.bulwark.bench.e2e;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The POST body: a small record, validated by Bean Validation. */
public record NewOrder(@NotBlank @Size(max = 64) String item, @Min(1) @Max(100) int quantity) {
}
