-- The seed's permissions and roles (DESIGN.md): admin holds all, user reads and writes
-- posts, viewer only reads.
INSERT INTO permissions (name, description, resource, action) VALUES
    ('users:read',     'Read users',            'users',     'read'),
    ('users:write',    'Create and edit users', 'users',     'write'),
    ('users:delete',   'Delete users',          'users',     'delete'),
    ('posts:read',     'Read posts',            'posts',     'read'),
    ('posts:write',    'Write posts',           'posts',     'write'),
    ('posts:delete',   'Delete posts',          'posts',     'delete'),
    ('analytics:read', 'Read analytics',        'analytics', 'read');

INSERT INTO roles (name, description) VALUES
    ('admin',  'Administrator with full access'),
    ('user',   'Regular user'),
    ('viewer', 'Read-only access');

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r CROSS JOIN permissions p WHERE r.name = 'admin';

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('users:read', 'posts:read', 'posts:write')
WHERE r.name = 'user';

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.name IN ('users:read', 'posts:read')
WHERE r.name = 'viewer';
