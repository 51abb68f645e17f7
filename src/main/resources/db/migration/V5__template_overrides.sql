-- Admins' own wording for the customer messages, replacing the built-in templates without a rebuild.
CREATE TABLE template_override (
    name       VARCHAR(50)              NOT NULL,
    language   VARCHAR(5)               NOT NULL,
    body       TEXT                     NOT NULL,
    updated_by VARCHAR(100),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name, language)
);
