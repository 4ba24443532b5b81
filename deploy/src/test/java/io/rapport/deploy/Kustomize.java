package io.rapport.deploy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomize directory as {@code kubectl kustomize} does, for the subset deploy/ uses, so the tests run where
 * no kubectl is installed. {@code KustomizeFidelityTest} compares its output with kubectl's where kubectl exists.
 *
 * <p>The subset: {@code resources} (files of YAML documents, or directories with their own kustomization.yaml),
 * {@code namespace}, {@code labels} (pairs, added to each object's {@code metadata.labels}; no selectors or templates),
 * {@code images} ({@code newName}, {@code newTag}, {@code digest}, on containers and init containers of pod templates)
 * and {@code patches} given inline as JSON 6902 operations ({@code add}, {@code replace}, {@code remove}) with a
 * {@code target} of kind and name. Any other field of a kustomization.yaml is refused, never ignored.
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper();

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "patches");
    /** Kinds without a namespace among those Rapport ships (kustomize leaves them as they are). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PriorityClass", "StorageClass");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path directory) {
        JsonNode kustomization = readOne(directory.resolve("kustomization.yaml"));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(directory + "/kustomization.yaml uses '" + field
                        + "', which this renderer does not implement (it implements " + SUPPORTED + ")");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : readAll(path));
        }
        for (JsonNode label : kustomization.path("labels")) {
            if (label.has("includeSelectors") || label.has("includeTemplates")) {
                throw new IllegalArgumentException("labels with includeSelectors/includeTemplates are not implemented");
            }
            for (ObjectNode object : objects) {
                ObjectNode labels = metadata(object).withObjectProperty("labels");
                label.path("pairs").fields().forEachRemaining(pair -> labels.set(pair.getKey(), pair.getValue()));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            patch(objects, patch, directory);
        }
        if (kustomization.hasNonNull("namespace")) {
            for (ObjectNode object : objects) {
                if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    metadata(object).put("namespace", kustomization.get("namespace").asText());
                }
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            for (ObjectNode object : objects) {
                setImage(object, image);
            }
        }
        return objects;
    }

    static List<ObjectNode> readAll(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            List<ObjectNode> documents = new ArrayList<>();
            Iterator<JsonNode> values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document instanceof ObjectNode object && !object.isEmpty()) {
                    documents.add(object);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static JsonNode readOne(Path file) {
        List<ObjectNode> documents = readAll(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }

    private static void patch(List<ObjectNode> objects, JsonNode patch, Path directory) {
        JsonNode target = patch.path("target");
        if (!patch.has("patch") || patch.has("path")) {
            throw new IllegalArgumentException(directory + ": only inline JSON 6902 patches are implemented");
        }
        JsonNode operations;
        try {
            operations = YAML.readTree(patch.get("patch").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!operations.isArray()) {
            throw new IllegalArgumentException(directory + ": a patch must be a list of JSON 6902 operations");
        }
        int matched = 0;
        for (ObjectNode object : objects) {
            if (object.path("kind").asText().equals(target.path("kind").asText())
                    && metadata(object).path("name").asText().equals(target.path("name").asText())) {
                matched++;
                for (JsonNode operation : operations) {
                    apply(object, operation);
                }
            }
        }
        if (matched == 0) {
            // kustomize says "no matches for target" too: a patch aimed at nothing is a mistake, not a no-op
            throw new IllegalArgumentException(directory + ": no object matches the patch target " + target);
        }
    }

    private static void apply(ObjectNode object, JsonNode operation) {
        String op = operation.path("op").asText();
        JsonPointer path = JsonPointer.compile(operation.path("path").asText());
        JsonNode parent = object.at(path.head());
        String last = path.last().getMatchingProperty();
        if (parent.isMissingNode()) {
            throw new IllegalArgumentException("patch path " + path + ": the parent does not exist");
        }
        switch (op) {
            case "add", "replace" -> {
                JsonNode value = operation.get("value");
                if (parent instanceof ObjectNode parentObject) {
                    if (op.equals("replace") && !parentObject.has(last)) {
                        throw new IllegalArgumentException("replace " + path + ": nothing there to replace");
                    }
                    parentObject.set(last, value);
                } else if (parent instanceof ArrayNode array) {
                    if (last.equals("-")) {
                        array.add(value);
                    } else if (op.equals("add")) {
                        array.insert(Integer.parseInt(last), value);
                    } else {
                        array.set(Integer.parseInt(last), value);
                    }
                }
            }
            case "remove" -> {
                if (parent instanceof ObjectNode parentObject && parentObject.has(last)) {
                    parentObject.remove(last);
                } else if (parent instanceof ArrayNode array) {
                    array.remove(Integer.parseInt(last));
                } else {
                    throw new IllegalArgumentException("remove " + path + ": nothing there to remove");
                }
            }
            default -> throw new IllegalArgumentException("JSON 6902 operation '" + op + "' is not implemented");
        }
    }

    private static void setImage(ObjectNode object, JsonNode image) {
        JsonNode podSpec = object.path("spec").path("template").path("spec");
        for (String containers : List.of("initContainers", "containers")) {
            for (JsonNode container : podSpec.path(containers)) {
                String current = container.path("image").asText();
                String name = imageName(current);
                if (!name.equals(image.path("name").asText())) {
                    continue;
                }
                String newName = image.path("newName").asText(name);
                String reference;
                if (image.hasNonNull("digest")) {
                    reference = newName + "@" + image.get("digest").asText();
                } else if (image.hasNonNull("newTag")) {
                    reference = newName + ":" + image.get("newTag").asText();
                } else {
                    reference = newName + current.substring(name.length());
                }
                ((ObjectNode) container).put("image", reference);
            }
        }
    }

    /** The image's name without its tag or digest ({@code registry:5000/a/b:1.0} is {@code registry:5000/a/b}). */
    static String imageName(String image) {
        int digest = image.indexOf('@');
        String withoutDigest = digest < 0 ? image : image.substring(0, digest);
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    static ObjectNode metadata(ObjectNode object) {
        return object.withObjectProperty("metadata");
    }

    static String key(JsonNode object) {
        return object.path("kind").asText() + " " + object.path("metadata").path("namespace").asText("-") + "/"
                + object.path("metadata").path("name").asText();
    }

    static Map<String, ObjectNode> byKey(List<ObjectNode> objects) {
        Map<String, ObjectNode> keyed = new java.util.TreeMap<>();
        for (ObjectNode object : objects) {
            if (keyed.put(key(object), object) != null) {
                throw new IllegalArgumentException("two objects are " + key(object));
            }
        }
        return keyed;
    }
}
