/** Configurations as teams write them, for the tests: public binds, TLS, chroot, internal host names. */

export const TEAM_HAPROXY = `global
    log /dev/log local0
    chroot /var/lib/haproxy
    stats socket /run/haproxy/admin.sock mode 660 level admin
    user haproxy
    group haproxy
    daemon
    maxconn 100000
    ssl-default-bind-ciphers ECDHE-RSA-AES128-GCM-SHA256

defaults
    log global
    mode http
    option httplog
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    errorfile 503 /etc/haproxy/errors/503.http

frontend http-in
    bind :80
    http-request redirect scheme https unless { ssl_fc }

frontend https-in
    bind :443 ssl crt /etc/ssl/site.pem
    default_backend web

backend web
    balance source
    option httpchk GET /healthz
    server web1 web1.prod.internal:8080 check ssl verify none
    server web2 web2.prod.internal:8080 check
    server web3 web3.prod.internal:8080 check weight 2
    server web4 web4.prod.internal:8080 check backup

backend api
    server api1 api1.prod.internal:9000 check
`;

export const TEAM_NGINX = `user www-data;
worker_processes auto;
pid /run/nginx.pid;
include /etc/nginx/modules-enabled/*.conf;

events {
    worker_connections 768;
}

http {
    include /etc/nginx/mime.types;
    access_log /var/log/nginx/access.log;
    resolver 10.0.0.2;

    upstream api {
        server api1.prod.internal:9000;
    }

    upstream app {
        ip_hash;
        server web1.prod.internal:8080 weight=3 max_fails=3;
        server web2.prod.internal:8080;
        server web3.prod.internal:8080 backup;
    }

    server {
        listen 80;
        return 301 https://$host$request_uri;
    }

    server {
        listen 443 ssl default_server;
        ssl_certificate /etc/ssl/site.pem;
        location /api/ { proxy_pass http://api; }
        location / { proxy_pass http://app; }
    }
}
`;

export const PORTS = { front: 7000, stubs: [7001, 7002, 7003, 7004], dir: '/scratch/test-lb' };
