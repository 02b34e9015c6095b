document.getElementById("ui").textContent = "docs";
