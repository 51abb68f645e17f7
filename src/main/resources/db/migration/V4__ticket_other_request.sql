-- Whether a linked ticket also asks something besides the incident (or was linked by a person, who may
-- have seen more than the words): such tickets stay open for a human when the incident is resolved.
ALTER TABLE ticket ADD COLUMN other_request BOOLEAN DEFAULT FALSE NOT NULL;
